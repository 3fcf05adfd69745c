/**
 * Given names that are the same name written short or familiar ("Bob" is "Robert").
 *
 * Each group lists a formal name first, then its usual English diminutives and spellings. A
 * name that sits in several groups ("Alex": Alexander, Alexandra) belongs to all of them; two
 * names are equivalent when they share a group. The table is deliberately modest: common
 * English forms only, since a wrong equivalence costs more than a missed one (the fuzzy name
 * comparison still sees "Jon" and "John" as close).
 */
const GROUPS: readonly string[] = [
  'abigail abby abbie gail',
  'abraham abe bram',
  'alexander alex alec alexis sandy xander lex',
  'alexandra alex alexa sandra sandy lexi',
  'albert al bert bertie',
  'alfred alf alfie fred freddie',
  'allan alan allen al',
  'andrew andy drew',
  'angela angie',
  'anthony tony ant',
  'antonia toni',
  'archibald archie',
  'arthur art artie',
  'barbara barb babs barbie',
  'benjamin ben benny benji',
  'bernard bernie barney',
  'beatrice bea trixie',
  'bradley brad',
  'caroline carol carrie lina',
  'catherine katherine kathryn cathy kathy kate katie cat kat kitty',
  'charles charlie chuck chas chaz',
  'charlotte lottie charlie',
  'christian chris',
  'christina christine chris chrissy tina',
  'christopher chris kit topher',
  'clifford cliff',
  'cynthia cindy',
  'daniel dan danny',
  'danielle dani',
  'david dave davey',
  'deborah debra debbie deb',
  'dominic dom',
  'donald don donny',
  'dorothy dot dottie',
  'douglas doug',
  'edward ed eddie ted teddy ned',
  'edmund ed eddie ned',
  'eleanor ellie nell nora',
  'elizabeth liz lizzie beth betty bess eliza libby lisa',
  'emily em emmy',
  'emma em',
  'eugene gene',
  'evelyn evie eve',
  'frances fran frankie',
  'francis frank frankie',
  'frederick fred freddie freddy',
  'gabriel gabe',
  'gabriella gabrielle gabby',
  'geoffrey jeffrey geoff jeff',
  'gerald gerry jerry',
  'gregory greg',
  'harold harry hal',
  'harriet hattie',
  'henry harry hank hal',
  'herbert herb bert',
  'isabella isabel isabelle bella izzy',
  'jacob jake',
  'james jim jimmy jamie',
  'janet jan',
  'jennifer jen jenny',
  'jessica jess jessie',
  'john jack johnny jon',
  'jonathan jon jonny nathan',
  'joseph joe joey',
  'josephine jo josie',
  'joshua josh',
  'judith judy',
  'kenneth ken kenny',
  'lawrence laurence larry laurie',
  'leonard leo len lenny',
  'louis lou louie',
  'louise lou lulu',
  'lucas luke',
  'madeline madeleine maddie maddy',
  'margaret maggie meg peggy marge madge greta',
  'martin marty',
  'matilda tilly tilda',
  'matthew matt',
  'maximilian max',
  'maxwell max',
  'melissa mel missy',
  'michael mike mikey mick mickey',
  'mitchell mitch',
  'nathaniel nathan nate nat',
  'nicholas nick nicky',
  'nicola nicole nikki',
  'oliver ollie',
  'olivia liv livvy',
  'pamela pam',
  'patricia pat patty trish tricia',
  'patrick pat paddy',
  'peter pete',
  'philip phillip phil',
  'rachel rach',
  'raymond ray',
  'rebecca becky becca',
  'richard rick ricky dick rich',
  'robert rob robbie bob bobby bert',
  'rodney rod',
  'ronald ron ronnie',
  'rosemary rose rosie',
  'samantha sam sammy',
  'samuel sam sammy',
  'sebastian seb',
  'stephanie steph',
  'stephen steven steve',
  'stuart stewart stu',
  'susan sue susie suzy',
  'terence terrence terry',
  'theodore theo ted teddy',
  'thomas tom tommy',
  'timothy tim timmy',
  'valerie val',
  'victoria vicky tori',
  'vincent vince vinny',
  'walter walt wally',
  'william will bill billy willie liam',
  'zachary zach zack',
];

const byName = new Map<string, number[]>();
GROUPS.forEach((group, i) => {
  for (const name of group.split(' ')) {
    const list = byName.get(name);
    if (list) list.push(i);
    else byName.set(name, [i]);
  }
});

/** True when the two folded given names are forms of the same name ("bob", "robert"). */
export function sameGivenName(a: string, b: string): boolean {
  if (a === b) return true;
  const ga = byName.get(a);
  const gb = byName.get(b);
  if (!ga || !gb) return false;
  return ga.some((g) => gb.includes(g));
}

/** The formal name of a folded given name's first group ("bob" -> "robert"), or the name itself. */
export function formalGivenName(name: string): string {
  const g = byName.get(name)?.[0];
  return g === undefined ? name : (GROUPS[g] as string).split(' ')[0] as string;
}

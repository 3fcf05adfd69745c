/**
 * Find and replace in one value (pure): a substring anywhere, or the whole cell; with or
 * without case. Returns null when nothing matches.
 */
export interface ReplaceRule {
  find: string;
  replacement: string;
  matchCase: boolean;
  wholeCell: boolean;
}

export function replaceInValue(current: string, rule: ReplaceRule): string | null {
  const hay = rule.matchCase ? current : current.toLowerCase();
  const needle = rule.matchCase ? rule.find : rule.find.toLowerCase();
  if (rule.wholeCell) {
    return hay === needle ? rule.replacement : null;
  }
  if (!hay.includes(needle)) return null;
  // A function replacement, so "$&" and friends in the user's text stay literal.
  return rule.matchCase ? current.split(rule.find).join(rule.replacement) : current.replace(new RegExp(escapeRegExp(rule.find), 'gi'), () => rule.replacement);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

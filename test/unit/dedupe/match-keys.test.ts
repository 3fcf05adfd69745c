import { describe, expect, it } from 'vitest';
import { addressKey, companyKey, dateKey, emailKey, personNameKey, phoneKey, websiteKey, zipKey } from '../../../electron/core/engines/dedupe/match-keys';
import { foldCase, foldWords } from '../../../electron/core/engines/dedupe/fold-text';

describe('text folding', () => {
  it('drops case and accents, keeps letters of other scripts', () => {
    expect(foldCase('Zoë Ölçer')).toBe('zoe olcer');
    expect(foldCase('Straße Łódź Ørsted')).toBe('strasse lodz orsted');
    expect(foldWords("O'Brien-Smith, Jr.")).toBe('o brien smith jr');
    expect(foldWords('東京 Tōkyō')).toBe('東京 tokyo');
  });
});

describe('match keys', () => {
  it('emails: trimmed and lower-cased, nothing else', () => {
    expect(emailKey('  Pat.Boyle@Zylker.COM ')).toBe('pat.boyle@zylker.com');
    expect(emailKey('pat+crm@zylker.com')).toBe('pat+crm@zylker.com');
    expect(emailKey('not an email')).toBe('');
  });

  it('phones: the last nine digits, whatever the layout or country prefix', () => {
    expect(phoneKey('9844444444')).toBe('844444444');
    expect(phoneKey('+91 98444 44444')).toBe('844444444');
    expect(phoneKey('098444-44444')).toBe('844444444');
    expect(phoneKey('(555) 010-0199 ext. 12')).toBe('5550100199'.slice(-9));
    expect(phoneKey('+44 20 7946 0958')).toBe(phoneKey('020 7946 0958'));
    expect(phoneKey('12345')).toBe('');
    expect(phoneKey('n/a')).toBe('');
  });

  it('company names: no case, punctuation, leading The or trailing legal forms', () => {
    expect(companyKey('Zylker Biotech Pvt. Ltd.')).toBe('zylker biotech');
    expect(companyKey('Globex, Inc.')).toBe('globex');
    expect(companyKey('ACME LLC')).toBe('acme');
    expect(companyKey('Müller GmbH & Co. KG')).toBe('muller');
    expect(companyKey('Siemens AG')).toBe('siemens');
    expect(companyKey('Banco Santander, S.A.')).toBe('banco santander');
    expect(companyKey('The Boring Company')).toBe('boring');
    expect(companyKey('Smith & Wollensky')).toBe('smith and wollensky');
    expect(companyKey('Tata Consultancy Services Private Limited')).toBe('tata consultancy services');
    // A name that is only a legal form keeps it.
    expect(companyKey('Limited')).toBe('limited');
  });

  it('person names: no case, accents, honorifics or suffixes; apostrophes join', () => {
    expect(personNameKey('Dr. Seán O’Brien-Smith Jr.')).toBe('sean obrien smith');
    expect(personNameKey('María José GARCÍA')).toBe('maria jose garcia');
    expect(personNameKey('Mr')).toBe('mr');
  });

  it('addresses: street types and directions spelled out', () => {
    expect(addressKey('435 S. La Cienega Blvd.')).toBe(addressKey('435 south la cienega boulevard'));
    expect(addressKey('12 N Main St')).toBe('12 north main street');
  });

  it('postal codes, dates and websites', () => {
    expect(zipKey('sw1a 1aa')).toBe('SW1A1AA');
    expect(zipKey('94105-1234')).toBe('94105');
    expect(dateKey('1971-06-24')).toBe('19710624');
    expect(dateKey('19710624')).toBe('19710624');
    expect(dateKey('24/06/1971')).toBe('19710624');
    expect(dateKey('2024-10-20T10:00:00+05:30')).toBe('20241020');
    expect(websiteKey('https://www.Zylker.com/about')).toBe('zylker.com');
  });
});

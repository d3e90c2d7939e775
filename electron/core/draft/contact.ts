/**
 * 提案人 contact details as the CPPCC form asks for them — 通讯地址, 邮政编码, 联系电话, 电子邮箱 —
 * taken apart from one line of free text (older drafts and the settings keep one line), and
 * checked one by one so the committee can actually reach the member. The text is cut into
 * tokens first and each token (at most a few dozen characters) is matched whole: linear on any
 * input, however long or hostile.
 */

export interface Contact {
  address: string;
  postcode: string;
  phone: string;
  email: string;
}

/** Longer than any address part, phone number or email address: such a token is not one. */
const MAX_TOKEN = 254;
const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/u;
// mobile 13x–19x, or a landline with its area code (0715-8123456), an optional extension
const PHONE = /^(?:1[3-9]\d{9}|0\d{2,3}[-－]?\d{7,8}(?:(?:[-－]|转)\d{1,6})?)$/u;
const POSTCODE = /^\d{6}$/u;
// labels people type in front of the values (literal alternatives: no backtracking to speak of)
const LABELS = /(?:通讯地址|通信地址|地址|邮政编码|邮编|联系电话|电话|手机|电子邮箱|电子邮件|邮箱|E-?mail)\s*[:：]?/giu;
const SEPARATORS = /[\s,，;；、]+/u;

const fits = (re: RegExp, token: string) => token.length <= MAX_TOKEN && re.test(token);

/** One line of contact text split into the form's four fields; what is not recognised stays in the address. */
export function splitContact(text: string): Contact {
  const out: Contact = { address: '', postcode: '', phone: '', email: '' };
  const address: string[] = [];
  for (const token of text.normalize('NFKC').replace(LABELS, ' ').split(SEPARATORS)) {
    if (!token) continue;
    if (!out.email && fits(EMAIL, token)) out.email = token;
    else if (!out.phone && fits(PHONE, token)) out.phone = token;
    else if (!out.postcode && fits(POSTCODE, token)) out.postcode = token;
    else address.push(token);
  }
  out.address = address.join(' ');
  return out;
}

/** What is wrong with each filled field, in words the member can act on (empty fields are not checked here). */
export function contactProblems(c: Contact): Partial<Record<keyof Contact, string>> {
  const out: Partial<Record<keyof Contact, string>> = {};
  const postcode = c.postcode.normalize('NFKC').trim();
  if (postcode && !fits(POSTCODE, postcode)) out.postcode = '邮政编码应为6位数字';
  const phones = c.phone
    .normalize('NFKC')
    .split(/[、,，;；/]+/u)
    .map((p) => p.trim())
    .filter(Boolean);
  if (phones.some((p) => !fits(PHONE, p))) out.phone = '联系电话应为11位手机号或带区号的固定电话，如 0715-8123456';
  const email = c.email.normalize('NFKC').trim();
  if (email && !fits(EMAIL, email)) out.email = '电子邮箱格式不对，如 name@example.com';
  return out;
}

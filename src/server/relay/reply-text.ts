import type { ParsedMail } from 'mailparser';

/** The longest answer kept; a longer reply keeps its beginning, marked as cut. */
export const REPLY_MAX_CHARS = 5000;

/**
 * Where the quoted message begins, in the clients' usual styles: Gmail's and Apple Mail's attribution
 * ("On … wrote:", "Le … a écrit :", sometimes wrapped over two lines), Outlook's header block or
 * separator, in English and French.
 */
const QUOTE_STARTS = [
  /^On\s[^\n]*(\n[^\n]*)?\swrote:[ \t]*$/m,
  /^Le\s[^\n]*(\n[^\n]*)?\sa\s+écrit[\s\u00a0]?:[ \t]*$/m,
  /^-{2,}\s*(Original Message|Message d['’]origine)\s*-{2,}[ \t]*$/im,
  /^_{10,}[ \t]*\n+(From|De)\s?:/m,
  /^(From|De)[\s\u00a0]?:[^\n]*\n(Sent|Envoyé|Date)[\s\u00a0]?:/m,
];

/**
 * The new text of a reply: the text part, or else the HTML part as text (mailparser converts it; HTML
 * itself is never kept), without the quoted message, quoted lines (`>`) and the signature after `-- `.
 */
export function newTextOf(mail: Pick<ParsedMail, 'text' | 'html'>): string {
  const text = (mail.text ?? '').replace(/\r\n?/g, '\n');
  const cut = Math.min(text.length, ...QUOTE_STARTS.map((pattern) => pattern.exec(text)?.index ?? text.length));
  const lines = text.slice(0, cut).split('\n');
  const signature = lines.findIndex((line) => line === '-- ' || line === '--');
  const kept = (signature < 0 ? lines : lines.slice(0, signature)).filter((line) => !line.startsWith('>'));
  const result = kept
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return result.length > REPLY_MAX_CHARS ? `${result.slice(0, REPLY_MAX_CHARS - 1)}…` : result;
}

/**
 * Injection payloads for every user-controlled field (names, bios, testimonials, job titles, URLs).
 *
 * A payload that ever runs calls `__xss(n)` (`n` is its number): tests define that function in the
 * page and check it was never called, so "inert" means "did not run", not only "not found as text".
 */

/** The global a test page defines; a payload that runs calls it. */
export const XSS_FLAG = '__xss';

export interface Payload {
  name: string;
  value: string;
}

/** `X` in a template becomes `__xss(n)`. */
const templates: [name: string, template: string][] = [
  ['script tag', '<script>X</script>'],
  ['img onerror', '<img src=x onerror=X>'],
  ['attribute breakout svg onload', '"><svg onload=X>'],
  ['single-quote breakout svg', "'><svg/onload=X>"],
  ['script inside svg', '<svg><script>X</script></svg>'],
  ['svg animate onbegin', '<svg><animate onbegin=X attributeName=x dur=1s>'],
  ['iframe srcdoc', '<iframe srcdoc="<script>parent.X</script>"></iframe>'],
  ['anchor javascript href', '<a href="javascript:X">click</a>'],
  ['anchor entity javascript href', '<a href="&#x6A;avascript:X">click</a>'],
  ['foreign link', '<a href="https://evil.example/">win a prize</a>'],
  ['javascript URL', 'javascript:X'],
  ['mixed-case javascript URL', 'JaVaScRiPt:X'],
  ['entity-encoded javascript URL', '&#106;avascript:X'],
  ['tab inside javascript scheme', 'java\tscript:X'],
  ['leading spaces javascript URL', '   javascript:X'],
  ['data URL html', 'data:text/html,<script>X</script>'],
  ['data URL base64', `data:text/html;base64,${btoa('<script>X</script>')}`],
  ['vbscript URL', 'vbscript:msgbox(1)'],
  ['template injection', "{{constructor.constructor('X')()}}"],
  ['Lit-looking expression', '${X}'],
  ['closing style', '</style><script>X</script>'],
  ['closing title', '</title><script>X</script>'],
  ['closing textarea', '</textarea><script>X</script>'],
  ['CSS expression', '<div style="width: expression(X)">css</div>'],
  ['style import', "<style>@import 'https://evil.example/x.css';</style>"],
  ['body onload', '<body onload=X>'],
  ['details ontoggle', '<details open ontoggle=X>'],
  ['autofocus onfocus', '<input autofocus onfocus=X>'],
  ['double-quoted attribute breakout', '" onmouseover="X" autofocus onfocus="X'],
  ['single-quoted attribute breakout', "' onfocus='X' autofocus='"],
  ['mutation XSS via math', '<math><mtext><table><mglyph><style><img src=x onerror=X>'],
  ['noscript title breakout', '<noscript><p title="</noscript><img src=x onerror=X>">'],
  ['comment breakout', '<!--<img src="--><img src=x onerror=X//">'],
  ['object javascript data', '<object data="javascript:X"></object>'],
  ['embed data URL', '<embed src="data:text/html,<script>X</script>">'],
  ['form javascript action', '<form action="javascript:X"><button>go</button></form>'],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:X">'],
  ['base href', '<base href="https://evil.example/">'],
  ['split script filter evasion', '<scr<script>ipt>X</scr</script>ipt>'],
  ['video source onerror', '<video><source onerror=X></video>'],
  ['polyglot', "javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/\"/+/onmouseover=1/+/[*/[]/+X//'>"],
  ['escaped unicode script', '\\u003cscript\\u003eX\\u003c/script\\u003e'],
  ['percent-encoded script', '%3Cscript%3EX%3C%2Fscript%3E'],
  ['RTL override', 'Ana \u202Egnp.exe<img src=x onerror=X>'],
  ['zero-width joiners', 'Zo\u200De\u200B\u2060 <img src=x onerror=X>'],
  ['homoglyphs', '\u0410dmin \u03A1aypal <svg onload=X>'],
  ['NUL byte', 'Casey\u0000<script>X</script>'],
  ['very long', `${'A'.repeat(4000)}<script>X</script>`],
  ['mail header injection CRLF', 'Casey\r\nBcc: victim@evil.example\r\nX-Injected: 1'],
  ['mail header injection LF', 'Casey\nSubject: hacked\n\n<script>X</script>'],
  ['encoded-word header', '=?utf-8?Q?Casey=0D=0ABcc:_victim@evil.example?='],
  ['emoji and accents', 'Zoë 👩🏽‍🍳 <b>bold</b> & "quotes" \'apos\''],
];

/** Every payload, numbered from 1, with `X` replaced by the call that would reveal it ran. */
export const XSS_PAYLOADS: Payload[] = templates.map(([name, template], index) => ({
  name,
  value: template.replaceAll('X', `${XSS_FLAG}(${index + 1})`),
}));

/** Link and photo URLs that must be refused: only https URLs to a real domain are accepted. */
export const REFUSED_URLS: string[] = [
  `javascript:${XSS_FLAG}(0)`,
  `JaVaScRiPt:${XSS_FLAG}(0)`,
  ` javascript:${XSS_FLAG}(0)`,
  `java\tscript:${XSS_FLAG}(0)`,
  `java\nscript:${XSS_FLAG}(0)`,
  `&#106;avascript:${XSS_FLAG}(0)`,
  `javascript&colon;${XSS_FLAG}(0)`,
  `\u0000javascript:${XSS_FLAG}(0)`,
  `data:text/html,<script>${XSS_FLAG}(0)</script>`,
  'data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+',
  'vbscript:msgbox(1)',
  'http://evil.example/',
  'HTTP://evil.example/',
  '//evil.example/',
  '\\\\evil.example\\share',
  'file:///etc/passwd',
  'ftp://evil.example/',
  'https://',
  'https://localhost/',
  'evil.example/profile',
  '',
];

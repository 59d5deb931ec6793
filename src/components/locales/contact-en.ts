// hw-contact-dialog's strings: loaded with the dialog, not with hallway.js.
const en = {
  titleJob: (displayName: string) => `Ask ${displayName} about this job`,
  title: (displayName: string) => `Ask ${displayName} a question`,
  choose: 'Who would you like to ask?',
  chooseOther: 'Ask someone else',
  close: 'Close',
  name: 'Your name',
  email: 'Your e-mail address',
  emailHint: (firstName: string) => `${firstName} replies to this address.`,
  message: 'Your question',
  count: (count: number, max: number) => `${count}/${max}`,
  nearLimit: (count: number, max: number) => `${count} of ${max} characters`,
  consent: (displayName: string) => `I agree to share my name and e-mail address with ${displayName} so they can reply to me`,
  consentLabel: 'Your agreement',
  privacy: (firstName: string) => `${firstName} sees your name, e-mail and message; their own address stays private. Your request is deleted after 90 days.`,
  honeypot: 'Leave this field empty',
  send: 'Send my question',
  checking: 'Checking you’re human…',
  sending: 'Sending…',
  sent: (firstName: string) => `Check your inbox: confirm your e-mail address to send your question to ${firstName}.`,
  nameRequired: 'Enter your name.',
  emailInvalid: 'Enter your e-mail address, like name@example.com.',
  messageRequired: 'Write your question.',
  consentRequired: (firstName: string) => `Agree to share your name and e-mail address, so ${firstName} can reply to you.`,
  checkFields: (count: number, labels: string) => (count === 1 ? `Check this field: ${labels}.` : `Check these fields: ${labels}.`),
  challengeFailed: 'We couldn’t check that you’re human. Please try again.',
  notContactable: (firstName: string) => `${firstName} no longer accepts questions, or is away for now. Ask someone else, or try again later.`,
  capReached: (firstName: string) => `${firstName} has reached their weekly limit of questions. Ask someone else, or try again next week.`,
  rateLimited: 'Too many questions were sent from here. Wait a few minutes, then try again.',
  originNotAllowed: 'Questions can’t be sent from this page yet: the site isn’t set up for it. Please try again later.',
  personNotFound: (firstName: string) => `${firstName}’s profile is no longer available. Ask someone else.`,
  offline: 'You seem to be offline. Check your connection and try again.',
  timeout: 'The server took too long to answer. Try again.',
  failed: 'Something went wrong. Try again.',
};

/** Every string the contact dialog shows or announces. Entries with parameters are functions. */
export type ContactTranslation = typeof en;

export default en;

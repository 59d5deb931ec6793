// hw-my-answers' strings, on /me only.
const en = {
  maHeading: 'Your answers',
  maIntro:
    'An answer can help many candidates. If you publish one, the candidate is asked first (they would be shown as "a candidate", never by name), then a moderator reviews it. You can withdraw it at any time.',
  maAsked: 'The question',
  maAnswered: 'Your answer',
  maPublish: 'Publish this answer',
  maPublishAgain: 'Publish it again',
  maWithdraw: 'Withdraw',
  maCancel: 'Cancel',
  maSend: 'Ask the candidate',
  maQuestionLabel: 'The question, as it would be published',
  maAnswerLabel: 'Your answer, as it would be published',
  maEditHint: 'Remove anything that could identify the candidate or anyone else: names, places, dates. The candidate reads this wording before agreeing.',
  maRequired: 'This cannot be empty.',
  maPending: 'Waiting for the candidate to agree.',
  maDeclined: 'The candidate preferred not to publish it.',
  maModeration: 'The candidate agreed; waiting for a moderator.',
  maRejected: 'A moderator did not approve it.',
  maPublic: 'Published: candidates can read it.',
  maHidden: 'Approved, but hidden while your profile is not shown.',
  maWithdrawn: 'Withdrawn: candidates no longer see it.',
  maAskedDone: 'The candidate has been asked by e-mail.',
  maWithdrawnDone: 'Withdrawn: candidates no longer see it.',
  maFailed: 'That did not work. Please try again.',
};

export type MyAnswersTranslation = typeof en;
export default en;

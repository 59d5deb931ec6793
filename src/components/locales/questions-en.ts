// hw-questions' strings: loaded with its chunk, not with hallway.js.
const en = {
  qHeading: 'Questions candidates asked',
  qHeadingJob: (job: string) => `Questions candidates asked about ${job}`,
  qLoading: 'Loading questions…',
  qEmpty: 'No question has been answered here yet.',
  qError: 'The questions could not be loaded.',
  qAsker: 'A candidate asked',
  qAnsweredBy: (name: string, title: string) => `Answered by ${name}, ${title}`,
};

export type QuestionsTranslation = typeof en;
export default en;

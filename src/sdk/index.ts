export { createClient } from './client.js';
export type { ClientOptions, HallwayClient, ListPeopleOptions, RequestOptions } from './client.js';
export {
  HallwayError,
  HttpError,
  NetworkError,
  TimeoutError,
  SchemaError,
  isHallwayError,
  isHttpError,
  isNetworkError,
  isTimeoutError,
  isSchemaError,
  isAbortError,
} from './errors.js';
export type { SchemaIssue } from './errors.js';
export { PublicPerson, PeopleList, PublicSite, PeopleQuery, Match, Channel, ErrorBody, ErrorCode, PathStep, CareerPath } from './schemas.js';
export { DEFAULT_LIMIT, MAX_LIMIT } from './limits.js';
export { PATH_MAX_STEPS } from './role-limits.js';
export { createMeClient } from './me-client.js';
export type { MeClient, MeClientOptions } from './me-client.js';
export {
  MyProfile,
  ProfileUpdate,
  ContactSettings,
  ConsentUpdate,
  ConsentState,
  ContactStats,
  CardDetails,
  MyCardDetails,
  MyRecord,
  REPLY_TIME_MIN_ANSWERS,
  BIO_MAX,
  WEEKLY_CAP_MAX,
  PROFILE_MAX,
  PHOTO_MAX_BYTES,
  PHOTO_TYPES,
  OpenQuestion,
  OpenQuestions,
  AnswerBody,
  ANSWER_MAX,
} from './me-schemas.js';
export { Challenge, ChallengeSolution, ContactRequest, ContactAccepted, MESSAGE_MAX, CANDIDATE_NAME_MAX, CANDIDATE_EMAIL_MAX } from './contact-schemas.js';
export {
  PublicTestimonial,
  TestimonialList,
  TestimonialQuery,
  TestimonialDraft,
  TestimonialStatus,
  MyTestimonial,
  NameStyle,
  TESTIMONIAL_MAX,
  TESTIMONIAL_LIMITS,
  DEFAULT_TESTIMONIAL_LIMIT,
} from './testimonial-schemas.js';
export { PublicAnswer, AnswerList, AnswerQuery, PublishDraft, MyAnswers, ModeratedAnswers, PUBLISHED_QUESTION_MAX, PUBLISHED_ANSWER_MAX } from './answer-schemas.js';
export type { AnswerPerson, MyAnswer, Publication, ModeratedAnswer } from './answer-schemas.js';
export { createAdminClient, ImportRefusedError } from './admin-client.js';
export { JobListRefusedError } from './admin-client.js';
export type { AdminClient, AdminClientOptions, PeopleFile, PeoplePageQuery, UploadOptions } from './admin-client.js';
export {
  AdminSite,
  AdminSiteList,
  SiteCreate,
  SiteUpdate,
  PersonStatus,
  AdminPeopleQuery,
  AdminPerson,
  AdminPeopleList,
  ImportReport,
  ImportProblem,
  ImportRefusal,
  ImportPreview,
  IMPORT_PREVIEW_ROWS,
  InvitationRequest,
  InvitationResult,
  StatusChange,
  StatusChanged,
  ModerationQuery,
  Approval,
  Rejection,
  ModeratedTestimonial,
  ModerationList,
  Moderated,
  isAllowedOrigin,
  IMPORT_MAX_BYTES,
  ADMIN_BODY_MAX_BYTES,
  IMPORT_TEXT_MAX,
  EMAIL_PATTERN,
  EMAIL_MAX,
  SITE_NAME_MAX,
  SITE_ORIGINS_MAX,
  CONSENT_VERSION_MAX,
  ADMIN_PAGE_MAX,
  REJECTION_REASON_MAX,
} from './admin-schemas.js';

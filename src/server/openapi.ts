import { toJSONSchema } from 'zod';
import type { $ZodType } from 'zod/v4/core';
import { Challenge, ContactAccepted, ContactRequest } from '../sdk/contact-schemas.js';
import { ErrorBody, MAX_LIMIT, PeopleList, PeopleQuery, PublicPerson, PublicSite } from '../sdk/schemas.js';
import { PublicTestimonial, TestimonialList, TestimonialQuery } from '../sdk/testimonial-schemas.js';
import { AnswerList, AnswerQuery, PublicAnswer } from '../sdk/answer-schemas.js';

const schema = (zodSchema: $ZodType): Record<string, unknown> => {
  const { $schema: _, ...rest } = toJSONSchema(zodSchema, { io: 'output', unrepresentable: 'any' });
  return rest;
};

const json = (ref: string) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } });
const errorResponse = (description: string) => ({ description, content: json('Error') });

const siteParam = { name: 'site', in: 'path', required: true, schema: { type: 'string' }, description: 'Site slug' };
const queryParamsOf = (zodSchema: $ZodType) =>
  Object.entries(schema(zodSchema).properties as Record<string, object>).map(([name, s]) => ({
    name,
    in: 'query',
    required: false,
    schema: s,
  }));
const queryParams = queryParamsOf(PeopleQuery);

/** The OpenAPI document of the public API, generated from the very schemas the server validates with. */
export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Hallway API',
    version: '1',
    description: `Opted-in people of a company's careers site. Lists hold at most ${MAX_LIMIT} items a page.`,
  },
  paths: {
    '/v1/sites/{site}': {
      get: {
        summary: 'The site: its name, and the origins whose pages may send questions',
        parameters: [siteParam],
        responses: {
          200: { description: 'The site', content: json('PublicSite') },
          304: { description: 'Not modified (If-None-Match)' },
          404: errorResponse('site_not_found'),
        },
      },
    },
    '/v1/sites/{site}/people': {
      get: {
        summary: 'People of the site, those in the job first',
        parameters: [siteParam, ...queryParams],
        responses: {
          200: { description: 'A page of people and the criterion they matched', content: json('PeopleList') },
          304: { description: 'Not modified (If-None-Match)' },
          400: errorResponse('invalid_query: a query parameter is invalid; `field` names it'),
          404: errorResponse('site_not_found'),
        },
      },
    },
    '/v1/sites/{site}/people/{id}': {
      get: {
        summary: 'One opted-in person',
        parameters: [siteParam, { name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          200: { description: 'The person', content: json('PublicPerson') },
          304: { description: 'Not modified (If-None-Match)' },
          404: errorResponse('site_not_found, person_not_found'),
        },
      },
    },
    '/v1/sites/{site}/people/{id}/avatar.svg': {
      get: {
        summary: 'An initials avatar (SVG), the photo of people who have none',
        parameters: [siteParam, { name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          200: { description: 'The avatar', content: { 'image/svg+xml': { schema: { type: 'string' } } } },
          404: errorResponse('site_not_found, person_not_found'),
        },
      },
    },
    '/v1/sites/{site}/people/{id}/photo.webp': {
      get: {
        summary: "The person's photo, re-encoded without its metadata",
        parameters: [siteParam, { name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          200: { description: 'The photo', content: { 'image/webp': { schema: { type: 'string', contentMediaType: 'image/webp' } } } },
          404: errorResponse('site_not_found, person_not_found (also when they have no photo)'),
        },
      },
    },
    '/v1/sites/{site}/testimonials': {
      get: {
        summary: 'Approved testimonials whose authors agree to their publication, those in the job first',
        parameters: [siteParam, ...queryParamsOf(TestimonialQuery)],
        responses: {
          200: { description: 'Testimonials and the criterion they matched (job, team or all)', content: json('TestimonialList') },
          304: { description: 'Not modified (If-None-Match)' },
          400: errorResponse('invalid_query: a query parameter is invalid; `field` names it'),
          404: errorResponse('site_not_found'),
        },
      },
    },
    '/v1/sites/{site}/questions': {
      get: {
        summary: 'Published questions and answers (both people agreed, moderated), those of people in the job first, as the people list matches',
        parameters: [siteParam, ...queryParamsOf(AnswerQuery)],
        responses: {
          200: { description: 'Questions with their answers and the criterion they matched (job, team, location or all)', content: json('AnswerList') },
          304: { description: 'Not modified (If-None-Match)' },
          400: errorResponse('invalid_query: a query parameter is invalid; `field` names it'),
          404: errorResponse('site_not_found'),
        },
      },
    },
    '/v1/sites/{site}/challenge': {
      get: {
        summary: 'A proof-of-work challenge (ALTCHA format) to solve before sending a question',
        parameters: [siteParam],
        responses: { 200: { description: 'The challenge', content: json('Challenge') }, 404: errorResponse('site_not_found') },
      },
    },
    '/v1/sites/{site}/people/{id}/contact': {
      post: {
        summary: "A candidate's question to one person; only from the site's allowed origins",
        parameters: [siteParam, { name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        requestBody: { required: true, content: json('ContactRequest') },
        responses: {
          202: { description: 'Stored; the candidate confirms from an e-mail', content: json('ContactAccepted') },
          400: errorResponse('invalid_body (`field` names it), challenge_failed'),
          403: errorResponse('origin_not_allowed'),
          404: errorResponse('site_not_found, person_not_found'),
          409: errorResponse('not_contactable, cap_reached'),
          413: errorResponse('payload_too_large'),
          429: errorResponse('rate_limited (with Retry-After)'),
        },
      },
    },
  },
  components: {
    schemas: {
      PublicSite: schema(PublicSite),
      PublicPerson: schema(PublicPerson),
      PeopleList: schema(PeopleList),
      PublicTestimonial: schema(PublicTestimonial),
      TestimonialList: schema(TestimonialList),
      PublicAnswer: schema(PublicAnswer),
      AnswerList: schema(AnswerList),
      Challenge: schema(Challenge),
      ContactRequest: schema(ContactRequest),
      ContactAccepted: schema(ContactAccepted),
      Error: schema(ErrorBody),
    },
  },
};

/**
 * The API's description, served at /api/openapi.json (OpenAPI 3.1). Kept beside the routes it
 * describes; test/node/openapi.test.ts checks that every /api/v1 and partner route of the app is
 * here with its methods, and nothing else is.
 */
import { defaultLimit, maxLimit } from '../../http/page';
import { problemMediaType, problemTypes } from '../../http/problem';
import { maxExpiryDays, maxExtraMinutes } from '../../manage/invitations';
import { apiWritesPerMinute } from '../../middleware/api-rate-limit';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const problem = (description: string) => ({
  description,
  content: { [problemMediaType]: { schema: ref('Problem') } },
});
const json = (description: string, schema: object) => ({ description, content: { 'application/json': { schema } } });
const dateTime = { type: 'string', format: 'date-time' };
const nullableDateTime = { type: ['string', 'null'], format: 'date-time' };
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

const responses = {
  unauthorized: problem('Missing, invalid or revoked API key'),
  notFound: problem('No such resource in your organization'),
  forbidden: problem('The API key lacks the write scope (type /api/problems/insufficient-scope)'),
  conflict: problem(
    'The resource does not allow this now (a started candidate, an archived assessment), or a request with the same Idempotency-Key is still running',
  ),
  invalid: problem(
    'A field is missing or wrong (type /api/problems/validation, with `errors`), or the Idempotency-Key was used for another request',
  ),
  malformed: problem('The body is not a JSON object (type /api/problems/malformed-body)'),
  tooMany: problem(`More than ${apiWritesPerMinute} changes within a minute by this key; see Retry-After`),
};

const readErrors = { '401': responses.unauthorized, '404': responses.notFound };
const writeErrors = {
  '400': responses.malformed,
  '401': responses.unauthorized,
  '403': responses.forbidden,
  '404': responses.notFound,
  '409': responses.conflict,
  '422': responses.invalid,
  '429': responses.tooMany,
};

const idempotencyKey = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Any unique string (a UUID): a retry with the same key, method, path and body within 24 hours gets the first response (with `Idempotent-Replayed: true`) instead of acting twice; the same key with a different request is refused with 422.',
  schema: { type: 'string', minLength: 1, maxLength: 255 },
};

const invitationFields = {
  name: { type: 'string', maxLength: 100, description: "The candidate's name, as the email greets them" },
  email: { type: 'string', format: 'email', maxLength: 254 },
  extraMinutes: {
    type: 'integer',
    minimum: 0,
    maximum: maxExtraMinutes,
    description: 'Extra time for this candidate (an accommodation); defaults to the request’s extraMinutes, else 0',
  },
};
const terms = {
  expiresInDays: {
    type: 'integer',
    minimum: 1,
    maximum: maxExpiryDays,
    default: 7,
    description: 'How many days the link works',
  },
  extraMinutes: { type: 'integer', minimum: 0, maximum: maxExtraMinutes, default: 0 },
};

const postChange = (summary: string, description: string, body: object | null, ok: object, status = '200') => ({
  summary,
  description,
  security: [{ apiKey: ['write'] }],
  parameters: [idParam, idempotencyKey],
  ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: body } } } } : {}),
  responses: { [status]: ok, ...writeErrors },
});

const greenhouseAuth = [{ greenhouseBasic: [] }];
const greenhouseErrors = { '401': responses.unauthorized, '404': responses.notFound };

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Skillcheck API',
    version: '1.1.0',
    description: [
      'Read assessments and results and invite candidates from your applicant tracking system.',
      'Create keys under Settings > API keys, with the read scope (every GET) and, to make changes, the write scope; send them as `Authorization: Bearer <key>`.',
      `Lists are paged: pass \`limit\` (1 to ${maxLimit}, default ${defaultLimit}) and the \`nextCursor\` of the previous page as \`cursor\`; a null nextCursor is the last page.`,
      'Errors are RFC 9457 problem details (`application/problem+json`): `type`, `title`, `status`, `detail`, and `errors` (each `field` and `detail`) when fields are wrong. Types other than about:blank are described at their URL.',
      'Invitation links are never returned: they are the candidate’s credential. Candidates get theirs by email; without an email service, managers copy them in the workspace.',
      'The /partners/greenhouse endpoints implement Greenhouse’s Assessment Partner API for Greenhouse to call, with the same key as the Basic username.',
    ].join('\n\n'),
  },
  servers: [{ url: '/' }],
  security: [{ apiKey: ['read'] }],
  tags: [
    { name: 'Assessments' },
    { name: 'Invitations' },
    { name: 'Attempts' },
    { name: 'Greenhouse', description: 'Greenhouse Assessment Partner API (called by Greenhouse)' },
  ],
  components: {
    securitySchemes: {
      apiKey: { type: 'http', scheme: 'bearer', description: 'An API key starting with sck_' },
      greenhouseBasic: {
        type: 'http',
        scheme: 'basic',
        description: 'The API key as the username, an empty password (as Greenhouse sends it)',
      },
    },
    schemas: {
      Problem: {
        type: 'object',
        required: ['type', 'title', 'status', 'detail'],
        properties: {
          type: {
            type: 'string',
            format: 'uri-reference',
            description: `about:blank, or one of ${Object.keys(problemTypes)
              .map((t) => `/api/problems/${t}`)
              .join(', ')}`,
          },
          title: { type: 'string' },
          status: { type: 'integer' },
          detail: { type: 'string', description: 'What went wrong and what to do, for a person' },
          errors: {
            type: 'array',
            items: {
              type: 'object',
              required: ['field', 'detail'],
              properties: {
                field: { type: 'string', description: 'A JSON pointer into the body, or a query parameter' },
                detail: { type: 'string' },
              },
            },
          },
          requestId: { type: 'string', description: 'Quote it when asking for support' },
        },
      },
      AssessmentSummary: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          title: { type: 'string' },
          status: { enum: ['scheduled', 'open', 'closed'], description: 'Whether candidates can take it now' },
          archived: { type: 'boolean' },
          version: { type: 'integer' },
          timeLimitMinutes: { type: 'integer' },
          passMark: { type: 'integer' },
          opensAt: nullableDateTime,
          closesAt: nullableDateTime,
          invited: { type: 'integer' },
          completed: { type: 'integer' },
          passed: { type: 'integer' },
          createdAt: dateTime,
          updatedAt: dateTime,
        },
      },
      Assessment: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          title: { type: 'string' },
          description: { type: 'string' },
          status: { enum: ['scheduled', 'open', 'closed'] },
          archived: { type: 'boolean' },
          version: { type: 'integer' },
          blueprint: {
            type: 'object',
            description:
              "Sections (a public skill area or one of the organization's collections, question count, difficulty mix) and pinned question ids asked in every attempt",
          },
          timeLimitMinutes: { type: 'integer' },
          passMark: { type: 'integer' },
          showAfter: { enum: ['thanks', 'score', 'review'] },
          opensAt: nullableDateTime,
          closesAt: nullableDateTime,
          createdAt: dateTime,
          updatedAt: dateTime,
        },
      },
      Invitation: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          assessmentId: { type: 'string' },
          name: { type: 'string' },
          email: { type: 'string' },
          status: { enum: ['invited', 'opened', 'started', 'completed', 'expired', 'revoked'] },
          extraMinutes: { type: 'integer' },
          expiresAt: dateTime,
          createdAt: dateTime,
          sentAt: { ...nullableDateTime, description: 'When the email went out; null without an email service' },
          revokedAt: nullableDateTime,
          source: {
            enum: ['greenhouse', null],
            description: 'The applicant tracking system that sent the test, when one did',
          },
          attemptId: { type: ['string', 'null'] },
          emailSent: { type: 'boolean', description: 'Only in answers to requests that send email' },
        },
      },
      AreaResult: {
        type: 'object',
        properties: {
          area: { type: 'string' },
          title: { type: 'string' },
          scorePercent: { type: 'number' },
          points: { type: 'number' },
          max: { type: 'number' },
          standardError: { type: ['number', 'null'], description: 'One standard error, in percent points' },
          percentile: {
            type: ['number', 'null'],
            description: 'Among the other finished candidates of the assessment',
          },
        },
      },
      Result: {
        type: 'object',
        properties: {
          scorePercent: { type: 'number' },
          passed: { type: ['boolean', 'null'] },
          standardError: { type: ['number', 'null'], description: 'One standard error, in percent points' },
          percentile: {
            type: ['number', 'null'],
            description: 'Among the other finished candidates of the assessment; null when nobody else finished',
          },
          byArea: { type: 'array', items: ref('AreaResult') },
        },
      },
      Candidate: {
        type: 'object',
        properties: {
          invitationId: { type: 'string' },
          name: { type: 'string' },
          email: { type: 'string' },
          invitationStatus: { enum: ['invited', 'opened', 'started', 'completed', 'expired', 'revoked'] },
          invitedAt: dateTime,
          expiresAt: dateTime,
          attempt: {
            type: ['object', 'null'],
            properties: {
              id: { type: 'string' },
              state: { enum: ['in_progress', 'submitted', 'expired'] },
              startedAt: dateTime,
              submittedAt: nullableDateTime,
              timeUsedSeconds: { type: ['integer', 'null'] },
              scorePercent: { type: ['number', 'null'] },
              passed: { type: ['boolean', 'null'] },
              result: { oneOf: [ref('Result'), { type: 'null' }] },
              integrity: {
                type: 'object',
                description: 'Counts of recorded events: evidence for a reviewer, not a verdict',
              },
              reportUrl: { type: 'string', format: 'uri', description: 'The report in the workspace (sign-in needed)' },
            },
          },
          decision: { type: ['object', 'null'] },
        },
      },
      NewInvitation: {
        type: 'object',
        required: ['name', 'email'],
        properties: { ...invitationFields, expiresInDays: terms.expiresInDays },
      },
      NewInvitations: {
        type: 'object',
        required: ['invitations'],
        properties: {
          invitations: {
            type: 'array',
            minItems: 1,
            maxItems: 500,
            items: { type: 'object', required: ['name', 'email'], properties: invitationFields },
          },
          ...terms,
        },
      },
    },
  },
  paths: {
    '/api/v1/assessments': {
      get: {
        tags: ['Assessments'],
        summary: 'List assessments with pipeline counts, newest first',
        parameters: [
          {
            name: 'status',
            in: 'query',
            schema: { enum: ['scheduled', 'open', 'closed'] },
            description: 'Whether candidates can take it now',
          },
          { name: 'archived', in: 'query', schema: { type: 'boolean' }, description: 'Both when absent' },
          {
            name: 'updatedSince',
            in: 'query',
            schema: { type: 'string', format: 'date-time' },
            description: 'Only assessments changed at or after this time',
          },
          {
            name: 'limit',
            in: 'query',
            schema: { type: 'integer', minimum: 1, maximum: maxLimit, default: defaultLimit },
          },
          { name: 'cursor', in: 'query', schema: { type: 'string' }, description: 'nextCursor of the previous page' },
        ],
        responses: {
          '200': json('A page of assessments', {
            type: 'object',
            properties: {
              assessments: { type: 'array', items: ref('AssessmentSummary') },
              nextCursor: { type: ['string', 'null'] },
            },
          }),
          '401': responses.unauthorized,
          '422': responses.invalid,
        },
      },
    },
    '/api/v1/assessments/{id}': {
      get: {
        tags: ['Assessments'],
        summary: 'One assessment',
        parameters: [idParam],
        responses: { '200': json('The assessment', ref('Assessment')), ...readErrors },
      },
    },
    '/api/v1/assessments/{id}/candidates': {
      get: {
        tags: ['Assessments'],
        summary: 'Candidates of an assessment with their results',
        parameters: [idParam],
        responses: {
          '200': json('Candidates', {
            type: 'object',
            properties: {
              assessmentId: { type: 'string' },
              candidates: { type: 'array', items: ref('Candidate') },
            },
          }),
          ...readErrors,
        },
      },
    },
    '/api/v1/assessments/{id}/invitations': {
      post: {
        tags: ['Invitations'],
        ...postChange(
          'Invite one candidate',
          'Creates the invitation and emails the candidate their link (when the server sends email). Refused when the address is already invited to this assessment.',
          ref('NewInvitation'),
          json('The invitation', ref('Invitation')),
          '201',
        ),
      },
    },
    '/api/v1/assessments/{id}/invitations/batch': {
      post: {
        tags: ['Invitations'],
        ...postChange(
          'Invite up to 500 candidates',
          'All are created or none: any bad entry refuses the request, and `errors` names each one (`/invitations/3/email`).',
          ref('NewInvitations'),
          json('The invitations, in the order given', {
            type: 'object',
            properties: { invitations: { type: 'array', items: ref('Invitation') } },
          }),
          '201',
        ),
      },
    },
    '/api/v1/invitations/{id}': {
      get: {
        tags: ['Invitations'],
        summary: 'One invitation',
        parameters: [idParam],
        responses: { '200': json('The invitation', ref('Invitation')), ...readErrors },
      },
    },
    '/api/v1/invitations/{id}/revoke': {
      post: {
        tags: ['Invitations'],
        ...postChange(
          'Revoke an invitation',
          'Only before the candidate starts; the link then says it was withdrawn.',
          null,
          json('The invitation', ref('Invitation')),
        ),
      },
    },
    '/api/v1/invitations/{id}/extend': {
      post: {
        tags: ['Invitations'],
        ...postChange(
          'Give the candidate more days',
          'Moves the expiry to expiresInDays from now (never earlier) and emails a new link; links sent before stop working. Only before the candidate starts.',
          {
            type: 'object',
            required: ['expiresInDays'],
            properties: { expiresInDays: { type: 'integer', minimum: 1, maximum: maxExpiryDays } },
          },
          json('The invitation', ref('Invitation')),
        ),
      },
    },
    '/api/v1/invitations/{id}/extra-time': {
      post: {
        tags: ['Invitations'],
        ...postChange(
          'Set extra time (an accommodation)',
          'Added to the time limit for this candidate. Only before they start: the deadline is fixed at the start.',
          {
            type: 'object',
            required: ['extraMinutes'],
            properties: { extraMinutes: { type: 'integer', minimum: 0, maximum: maxExtraMinutes } },
          },
          json('The invitation', ref('Invitation')),
        ),
      },
    },
    '/api/v1/attempts/{id}': {
      get: {
        tags: ['Attempts'],
        summary: 'One attempt with its result and report URL',
        description:
          'The result (once finished) has the score with its standard error and percentile, and the same per skill area.',
        parameters: [idParam],
        responses: { '200': json('The candidate and attempt', ref('Candidate')), ...readErrors },
      },
    },
    '/partners/greenhouse/list_tests': {
      get: {
        tags: ['Greenhouse'],
        summary: 'list_tests: the assessments open to new candidates',
        security: greenhouseAuth,
        responses: {
          '200': json('Tests', {
            type: 'array',
            items: {
              type: 'object',
              required: ['partner_test_id', 'partner_test_name'],
              properties: { partner_test_id: { type: 'string' }, partner_test_name: { type: 'string' } },
            },
          }),
          '401': responses.unauthorized,
        },
      },
    },
    '/partners/greenhouse/send_test': {
      post: {
        tags: ['Greenhouse'],
        summary: 'send_test: invite the candidate and email them the test',
        description:
          'A repeat with the same `url` answers the same partner_interview_id. Needs a key with the write scope.',
        security: greenhouseAuth,
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['partner_test_id', 'candidate'],
                properties: {
                  partner_test_id: { type: 'string' },
                  candidate: {
                    type: 'object',
                    required: ['email'],
                    properties: {
                      first_name: { type: 'string' },
                      last_name: { type: 'string' },
                      preferred_name: { type: ['string', 'null'] },
                      email: { type: 'string' },
                      greenhouse_profile_url: { type: ['string', 'null'] },
                    },
                  },
                  sent_by: { type: ['string', 'null'] },
                  url: { type: ['string', 'null'], description: 'Where to send the completion PATCH' },
                },
              },
            },
          },
        },
        responses: {
          '200': json('The test instance', {
            type: 'object',
            required: ['partner_interview_id'],
            properties: { partner_interview_id: { type: 'string' } },
          }),
          '400': responses.malformed,
          '403': responses.forbidden,
          '409': responses.conflict,
          '422': responses.invalid,
          '429': responses.tooMany,
          ...greenhouseErrors,
        },
      },
    },
    '/partners/greenhouse/test_status': {
      get: {
        tags: ['Greenhouse'],
        summary: 'test_status: where the candidate is, and the result once complete',
        security: greenhouseAuth,
        parameters: [{ name: 'partner_interview_id', in: 'query', required: true, schema: { type: 'string' } }],
        responses: {
          '200': json('The status', {
            type: 'object',
            required: ['partner_status'],
            properties: {
              partner_status: { type: 'string', description: '"complete" once results are available' },
              partner_profile_url: { type: ['string', 'null'] },
              partner_score: { type: ['number', 'null'] },
              metadata: { type: ['object', 'null'], additionalProperties: { type: ['string', 'number', 'boolean'] } },
            },
          }),
          ...greenhouseErrors,
        },
      },
    },
    '/partners/greenhouse/response_error': {
      post: {
        tags: ['Greenhouse'],
        summary: 'response_error: Greenhouse reports a response it could not use',
        security: greenhouseAuth,
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: { api_call: { type: 'string' }, errors: { type: 'array', items: { type: 'string' } } },
              },
            },
          },
        },
        responses: {
          '200': json('Recorded', { type: 'object', properties: { status: { type: 'integer' } } }),
          '400': responses.malformed,
          '401': responses.unauthorized,
        },
      },
    },
  },
} as const;

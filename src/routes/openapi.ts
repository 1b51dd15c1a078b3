/** The API's description, served at /api/openapi.json. Kept beside the routes it describes. */
const error = { $ref: '#/components/schemas/Error' };
const errorResponses = {
  '401': { description: 'Missing, invalid or revoked API key', content: { 'application/json': { schema: error } } },
  '404': { description: 'No such resource in your organization', content: { 'application/json': { schema: error } } },
};
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Skillcheck API',
    version: '1.0.0',
    description:
      'Read assessments and candidate results and invite candidates from your applicant tracking system. Create keys under Settings > API keys; send them as a Bearer token.',
  },
  servers: [{ url: '/' }],
  security: [{ apiKey: [] }],
  components: {
    securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'An API key starting with sck_' } },
    schemas: {
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            properties: { status: { type: 'integer' }, message: { type: 'string' }, requestId: { type: 'string' } },
          },
        },
      },
      Candidate: {
        type: 'object',
        properties: {
          invitationId: { type: 'string' },
          name: { type: 'string' },
          email: { type: 'string' },
          invitationStatus: { enum: ['invited', 'opened', 'started', 'completed', 'expired', 'revoked'] },
          invitedAt: { type: 'string', format: 'date-time' },
          expiresAt: { type: 'string', format: 'date-time' },
          attempt: {
            type: ['object', 'null'],
            properties: {
              id: { type: 'string' },
              state: { enum: ['in_progress', 'submitted', 'expired'] },
              startedAt: { type: 'string', format: 'date-time' },
              submittedAt: { type: ['string', 'null'], format: 'date-time' },
              scorePercent: { type: ['number', 'null'] },
              passed: { type: ['boolean', 'null'] },
              byArea: { type: ['object', 'null'] },
              integrity: {
                type: 'object',
                description: 'Counts of recorded events: evidence for a reviewer, not a verdict',
              },
            },
          },
          decision: { type: ['object', 'null'] },
        },
      },
    },
  },
  paths: {
    '/api/v1/assessments': {
      get: {
        summary: 'List assessments with pipeline counts',
        responses: { '200': { description: 'Assessments' }, ...errorResponses },
      },
    },
    '/api/v1/assessments/{id}': {
      get: {
        summary: 'One assessment',
        parameters: [idParam],
        responses: { '200': { description: 'The assessment' }, ...errorResponses },
      },
    },
    '/api/v1/assessments/{id}/candidates': {
      get: {
        summary: 'Candidates of an assessment with their results',
        parameters: [idParam],
        responses: {
          '200': {
            description: 'Candidates',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: { candidates: { type: 'array', items: { $ref: '#/components/schemas/Candidate' } } },
                },
              },
            },
          },
          ...errorResponses,
        },
      },
    },
    '/api/v1/attempts/{id}': {
      get: {
        summary: 'One attempt with its result',
        parameters: [idParam],
        responses: { '200': { description: 'The candidate and attempt' }, ...errorResponses },
      },
    },
  },
} as const;

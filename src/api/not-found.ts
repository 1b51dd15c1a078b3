/** The API's 404s: the same sentence whether the id never existed or belongs to another organization. */
export const missingAssessment = 'No assessment with this id in your organization.';
export const missingInvitation = 'No invitation with this id in your organization.';
export const missingAttempt = 'No attempt with this id in your organization.';

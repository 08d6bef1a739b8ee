import { publicRoute } from '../../policy.js';

export const invitationsPolicy = {
  // The token in the body is the credential; both routes are rate-limited per address.
  lookUp: publicRoute('the invitation token is the credential'),
  accept: publicRoute('the invitation token is the credential'),
};

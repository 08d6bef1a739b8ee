import { signedIn } from '../../policy.js';

/** The audit log is for the people who run the practice. */
export const auditPolicy = {
  list: signedIn('admin'),
  filters: signedIn('admin'),
};

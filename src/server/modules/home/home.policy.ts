import { signedIn } from '../../policy.js';

export const homePolicy = {
  clientHome: signedIn('client'),
  guardianHome: signedIn('guardian'),
};

import { signedIn } from '../../policy.js';

export const practicePolicy = {
  listTherapists: signedIn('admin'),
  inviteTherapist: signedIn('admin'),
};

export type { PendingSignIn, PendingSignInStore } from './pending-sign-in-store.ts';

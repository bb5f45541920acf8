/** What the Teams-host emulation page needs from the local tenant (devtenant only, never a real tenant). */
export interface TeamsSsoEmulator {
  /** The access token Teams' SSO would give the tab for this user (aud = Confer, scp = access_as_user). */
  issueTabToken(userId: string): Promise<string>;
}

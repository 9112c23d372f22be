// Where an emailed sign-in link points.
/**
 * Sign-in links always point at APP_URL, never at the Host header of the request that asked for them:
 * otherwise anyone could request a link for a victim with `Host: attacker.example` and collect the token.
 */
export function magicLinkOnAppOrigin(url: string, appUrl: string): string {
  const link = new URL(url);
  const app = new URL(appUrl);
  return new URL(`${link.pathname}${link.search}`, app.origin).toString();
}

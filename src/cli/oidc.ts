/** `hallway sites oidc <slug>`: a site's company sign-in (OpenID Connect), shown, set or removed. */
import type { SiteOidcAnswer } from '../sdk/admin-schemas.js';
import { oneArg, usageError, type Command } from './command.js';

const SECRET_VARIABLE = 'HALLWAY_OIDC_CLIENT_SECRET';

export async function sitesOidc(command: Command) {
  const slug = oneArg(command, 'site slug');
  const { values, io } = command;
  const api = command.api();
  const setting = values.issuer !== undefined || values['client-id'] !== undefined || values['display-name'] !== undefined || values['email-sign-in'] !== undefined;
  let answer: SiteOidcAnswer;
  if (values.remove) {
    if (setting) throw usageError('--remove takes no other option.');
    answer = await api.oidc.remove(slug);
    io.stdout.write(`Removed the company sign-in of ${slug}.\n`);
  } else if (setting) {
    answer = await api.oidc.set(slug, await settingsOf(command, slug));
    io.stdout.write(`Saved the company sign-in of ${slug}.\n`);
  } else {
    answer = await api.oidc.get(slug);
  }
  io.stdout.write(summary(answer));
}

/** The new settings: what the options give over what is stored; the secret only from the environment (command lines are visible to others). */
async function settingsOf(command: Command, slug: string) {
  const { values, env } = command;
  const emailSignIn = values['email-sign-in'];
  if (emailSignIn !== undefined && emailSignIn !== 'on' && emailSignIn !== 'off') throw usageError('--email-sign-in takes on or off.');
  const stored = (await command.api().oidc.get(slug)).settings;
  const issuer = values.issuer ?? stored?.issuer;
  const clientId = values['client-id'] ?? stored?.clientId;
  const displayName = values['display-name'] ?? stored?.displayName;
  if (!issuer || !clientId || !displayName)
    throw usageError('The first setting needs --issuer, --client-id and --display-name "Acme" (the button says Sign in with Acme).');
  const clientSecret = env[SECRET_VARIABLE];
  if (!clientSecret && !stored) throw usageError(`Set the client secret in ${SECRET_VARIABLE} (never on the command line).`);
  return { issuer, clientId, displayName, ...(clientSecret && { clientSecret }), ...(emailSignIn && { emailSignIn: emailSignIn === 'on' }) };
}

function summary({ settings, redirectUri, scopes }: SiteOidcAnswer): string {
  const lines = settings
    ? [
        `Issuer:         ${settings.issuer}`,
        `Client id:      ${settings.clientId}`,
        `Sign-in name:   ${settings.displayName}`,
        `E-mail sign-in: ${settings.emailSignIn ? 'on' : 'off'}`,
      ]
    : ['No company sign-in.'];
  return [...lines, `Redirect URI:   ${redirectUri}`, `Scopes:         ${scopes}`, ''].join('\n');
}

import type { Config } from './loadConfig.ts';

function passwordOf(url: string | undefined): string | undefined {
  if (url === undefined || !URL.canParse(url)) return undefined;
  const password = decodeURIComponent(new URL(url).password);
  return password === '' ? undefined : password;
}

/** Every secret in the configuration (the token, passwords inside server URLs), for log scrubbing. */
export function configSecrets(config: Config): string[] {
  return [config.discordToken, passwordOf(config.databaseUrl), passwordOf(config.redisUrl)].filter(
    (secret): secret is string => secret !== undefined,
  );
}

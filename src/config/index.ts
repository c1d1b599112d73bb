export { isEntryPoint, loadProjectEnv } from './entryPoint.ts';
export type { Config, ConfigProblem, ShardPlan } from './loadConfig.ts';
export { ConfigError, parseConfig } from './loadConfig.ts';
export { projectRoot } from './projectRoot.ts';
export type { LogLevel } from './schema.ts';
export { EnvDefaults, envVariables, logLevels } from './schema.ts';
export { configSecrets } from './secrets.ts';
export type { Tuning } from './tuning.ts';
export { DefaultTuning } from './tuning.ts';

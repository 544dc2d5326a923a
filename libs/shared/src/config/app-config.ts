import { resolve } from 'node:path';

import { z } from 'zod';

/**
 * Secrets that are obviously examples. The service refuses to start with one
 * of them so that a copied `.env.example` never reaches production.
 */
const PLACEHOLDER_SECRET = /change[-_ ]?me|placeholder|example|secret$|^x+$/i;

const secret = z
  .string({ error: 'is required' })
  .min(32, 'must be at least 32 characters')
  .refine((value) => !PLACEHOLDER_SECRET.test(value), 'is a placeholder');

const emptyAsUndefined = (value: unknown) =>
  value === '' ? undefined : value;

const positiveInt = (fallback: number) =>
  z.preprocess(emptyAsUndefined, z.coerce.number().int().positive().default(fallback));

const envSchema = z.object({
  CATALOG_CSV: z.preprocess(emptyAsUndefined, z.string().optional()),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }),
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('data')),
  JWT_ACCESS_SECRET: secret,
  JWT_ACCESS_TTL_SECONDS: positiveInt(60 * 60),
  JWT_REFRESH_SECRET: secret,
  JWT_REFRESH_TTL_SECONDS: positiveInt(30 * 24 * 60 * 60),
  LOG_LEVEL: z.preprocess(
    emptyAsUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  MAIL_FROM: z.preprocess(emptyAsUndefined, z.string().default('Vexora <no-reply@vexora.local>')),
  MAX_IMAGE_PIXELS: positiveInt(100_000_000),
  MAX_UPLOAD_BYTES: positiveInt(10 * 1024 * 1024),
  ML_MODELS_DIR: z.preprocess(emptyAsUndefined, z.string().default('ml-models')),
  NODE_ENV: z.preprocess(
    emptyAsUndefined,
    z.enum(['development', 'production', 'test']).default('development'),
  ),
  OTP_TTL_SECONDS: positiveInt(5 * 60),
  PORT: positiveInt(5555),
  PUBLIC_BASE_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// URL' }),
  SMTP_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
});

export type Environment = z.infer<typeof envSchema>;

/** The typed, validated configuration tree; also the DI token for it. */
export class AppConfig {
  readonly env: Environment['NODE_ENV'];
  readonly port: number;
  readonly publicBaseUrl: string;
  readonly logLevel: Environment['LOG_LEVEL'];
  readonly databaseUrl: string;
  readonly redisUrl: string;
  readonly dataDir: string;
  readonly auth: {
    accessSecret: string;
    accessTtlSeconds: number;
    otpTtlSeconds: number;
    refreshSecret: string;
    refreshTtlSeconds: number;
  };
  readonly mail: { from: string; smtpUrl?: string };
  readonly images: { maxPixels: number; maxUploadBytes: number };
  readonly emotion: { modelsDir: string };
  readonly music: { catalogCsv?: string };

  constructor(env: Environment) {
    this.env = env.NODE_ENV;
    this.port = env.PORT;
    this.publicBaseUrl = (env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
    this.logLevel = env.LOG_LEVEL;
    this.databaseUrl = env.DATABASE_URL;
    this.redisUrl = env.REDIS_URL;
    this.dataDir = resolve(env.DATA_DIR);
    this.auth = {
      accessSecret: env.JWT_ACCESS_SECRET,
      accessTtlSeconds: env.JWT_ACCESS_TTL_SECONDS,
      otpTtlSeconds: env.OTP_TTL_SECONDS,
      refreshSecret: env.JWT_REFRESH_SECRET,
      refreshTtlSeconds: env.JWT_REFRESH_TTL_SECONDS,
    };
    this.mail = { from: env.MAIL_FROM, smtpUrl: env.SMTP_URL };
    this.images = { maxPixels: env.MAX_IMAGE_PIXELS, maxUploadBytes: env.MAX_UPLOAD_BYTES };
    this.emotion = { modelsDir: resolve(env.ML_MODELS_DIR) };
    this.music = { catalogCsv: env.CATALOG_CSV };
  }

  /** Builds an absolute URL under the public base for a path of this service. */
  publicUrl(path: string): string {
    return `${this.publicBaseUrl}/${path.replace(/^\/+/, '')}`;
  }
}

export class InvalidConfigError extends Error {}

/** Parses the environment once; throws one error naming every bad variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join('.')} ${issue.message}`)
      .join('; ');

    throw new InvalidConfigError(`Invalid configuration: ${problems}`);
  }

  if (parsed.data.JWT_ACCESS_SECRET === parsed.data.JWT_REFRESH_SECRET) {
    throw new InvalidConfigError(
      'Invalid configuration: JWT_ACCESS_SECRET and JWT_REFRESH_SECRET must differ',
    );
  }

  return new AppConfig(parsed.data);
}

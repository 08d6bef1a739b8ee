import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

const ISSUER = 'Rapport';
const PERIOD_SECONDS = 30;

export function createTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(secret: string, accountEmail: string): string {
  return new TOTP({ issuer: ISSUER, label: accountEmail, secret: Secret.fromBase32(secret), period: PERIOD_SECONDS }).toString();
}

export function totpQrCode(uri: string): Promise<string> {
  return QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 1, width: 240 });
}

/**
 * Checks a code, allowing one step of clock drift either side, and returns the time step
 * it belongs to. A step at or before `lastUsedStep` is refused so a seen code cannot be replayed.
 */
export function acceptTotpCode(secret: string, code: string, now: Date, lastUsedStep: number | null): number | null {
  const timestamp = now.getTime();
  const delta = TOTP.validate({ token: code, secret: Secret.fromBase32(secret), period: PERIOD_SECONDS, timestamp, window: 1 });
  if (delta === null) return null;
  const step = TOTP.counter({ period: PERIOD_SECONDS, timestamp }) + delta;
  if (lastUsedStep !== null && step <= lastUsedStep) return null;
  return step;
}

/** For tests and the demo: the code an authenticator app would show at `now`. */
export function currentTotpCode(secret: string, now: Date = new Date()): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), period: PERIOD_SECONDS, timestamp: now.getTime() });
}

import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('defaults to an embedded database in ./data and the demo practice outside production', () => {
    const config = loadConfig({});
    expect(config.database).toEqual({ dialect: 'sqlite', file: expect.stringMatching(/data\/rapport\.db$/) });
    expect(config.port).toBe(3000);
    expect(config.demo).toBe(true);
    expect(config.mfaRequired).toBe(false);
    expect(config.https).toBe(false);
  });

  it('turns the demo off and requires a second factor in production unless told otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({ demo: false, mfaRequired: true });
    expect(loadConfig({ NODE_ENV: 'production', DEMO: '1' }).demo).toBe(true);
    expect(loadConfig({ DEMO: '0' }).demo).toBe(false);
  });

  it('chooses PostgreSQL from DATABASE_URL and https behaviour from PUBLIC_URL', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://127.0.0.1/rapport', PUBLIC_URL: 'https://care.example.org/' });
    expect(config.database).toEqual({ dialect: 'postgres', url: 'postgres://127.0.0.1/rapport' });
    expect(config.https).toBe(true);
    expect(config.publicUrl).toBe('https://care.example.org');
  });

  it('refuses to start on an invalid value and says which', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' })).toThrow(/PORT[\s\S]*DATABASE_URL/);
  });
});

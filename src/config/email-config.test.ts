import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const base = { SMALLWINS_DATA_DIR: '/tmp/sw-config-test' };

describe('email configuration', () => {
  it('is off, with the reason, until both the SMTP server and the public URL are set', () => {
    expect(loadConfig(base).email).toEqual({ enabled: false, reason: expect.stringContaining('SMALLWINS_SMTP_URL is not set') as unknown });
    expect(loadConfig({ ...base, SMALLWINS_SMTP_URL: 'smtp://mail.example.org:587' }).email).toEqual({
      enabled: false,
      reason: expect.stringContaining('SMALLWINS_PUBLIC_URL is not') as unknown,
    });
    expect(loadConfig({ ...base, SMALLWINS_SMTP_URL: 'smtps://u:p%40ss@mail.example.org:465', SMALLWINS_PUBLIC_URL: 'https://wins.example.org/' }).email).toEqual({
      enabled: true,
      smtpUrl: 'smtps://u:p%40ss@mail.example.org:465',
      from: 'Small Wins <smallwins@wins.example.org>',
      publicUrl: 'https://wins.example.org',
    });
    expect(loadConfig({ ...base, SMALLWINS_SMTP_URL: 'smtp://mail.example.org', SMALLWINS_PUBLIC_URL: 'https://wins.example.org', SMALLWINS_MAIL_FROM: 'Wins <wins@example.org>' }).email).toMatchObject({ from: 'Wins <wins@example.org>' });
  });

  it('refuses a URL that is not SMTP and a sender that is not an address, naming the variable', () => {
    expect(() => loadConfig({ ...base, SMALLWINS_SMTP_URL: 'http://mail.example.org' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, SMALLWINS_SMTP_URL: 'mail.example.org:587' })).toThrow(/SMALLWINS_SMTP_URL must be an SMTP server URL/);
    expect(() => loadConfig({ ...base, SMALLWINS_MAIL_FROM: 'Small Wins' })).toThrow(/SMALLWINS_MAIL_FROM must be an address/);
  });
});

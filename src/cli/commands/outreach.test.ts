import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { describe, expect, it } from 'vitest';
import { cliRunner } from '#test/cli.js';

describe('smallwins email', () => {
  it('shows and changes the settings, and says why nothing is sent', async () => {
    const sw = cliRunner();
    const shown = await sw('email', 'prefs');
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/Weekly report +on, Friday at 16:00/);
    const changed = await sw('email', 'prefs', '--day', 'sun', '--time', '18:30', '--routines', 'off', '--address', 'me@example.org');
    expect(changed.stdout).toMatch(/Saved\. Emails go to me@example.org[\s\S]*Sunday at 18:30[\s\S]*Routine reminders +off[\s\S]*Europe\/Paris/);
    expect((await sw('email', 'prefs', '--report', 'maybe')).code).toBe(2);
    expect((await sw('email', 'prefs', '--time', '7pm')).code).toBe(2);
    const status = await sw('email', 'status');
    expect(status.stdout).toMatch(/No server has started on this database with email set up/);
    const test = await sw('email', 'test');
    expect(test.code).toBe(1);
    expect(test.stderr).toMatch(/SMALLWINS_SMTP_URL is not set/);
  });

  it('sends a test email at once on the local database', async () => {
    const received: ParsedMail[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream).then((mail) => {
          received.push(mail);
          callback();
        }, callback);
      },
    });
    server.listen(0, '127.0.0.1');
    await once(server.server, 'listening');
    const port = (server.server.address() as AddressInfo).port;
    try {
      const sw = cliRunner({ env: { SMALLWINS_SMTP_URL: `smtp://127.0.0.1:${port}`, SMALLWINS_PUBLIC_URL: 'https://wins.example.org' } });
      const noAddress = await sw('email', 'test');
      expect(noAddress.code).toBe(1);
      expect(noAddress.stderr).toMatch(/no address to send to/);
      await sw('email', 'prefs', '--address', 'me@example.org');
      const sent = await sw('email', 'test');
      expect(sent.stderr).toBe('');
      expect(sent.stdout).toMatch(/Test email sent to me@example.org/);
      expect(received.map((m) => m.subject)).toEqual(['Small Wins: test email']);
      expect(received[0]!.text).toMatch(/https:\/\/wins\.example\.org\/unsubscribe\//);
      const status = await sw('email', 'status');
      expect(status.stdout).toMatch(/Email is on[\s\S]*Sends to me@example.org[\s\S]*1 sent, 0 waiting, 0 failed[\s\S]*test +sent +1 +Small Wins: test email/);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

/**
 * The account team's e-mail as `.eml` files (each parsed back with mailparser), and how a
 * notification fails so that the handler retries it.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { simpleParser } from 'mailparser';
import { createEmailNotifier, createEmailNotifierFromEnv } from '../../../packages/server/src/email.ts';
import { assertAllDetails, assertSubject, fixture, FROM, startSmtp, TEAM } from '../../support/email.ts';

describe('e-mail to the account team as .eml files', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'escalate-outbox-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('writes exactly one complete .eml file, named by receipt time and Message-ID, and no temp files', async () => {
    const outboxDir = join(dir, 'nested', 'outbox'); // does not exist yet
    const notifier = createEmailNotifier({ outboxDir, to: TEAM, from: FROM });
    assert.equal(notifier.transport, 'outbox');
    assert.equal(notifier.outboxDir, outboxDir);
    const { messageId } = await notifier.notify(fixture());
    const files = await readdir(outboxDir);
    assert.deepEqual(files, ['2025-11-14T10-00-01.000Z-6f1c2d3e-1111-4222-8333-944455556666.new.eml']);

    const source = await readFile(join(outboxDir, files[0]!));
    assert.ok(!source.includes('\r\n'), 'unix line ends');
    const mail = await simpleParser(source);
    assert.equal(mail.messageId, messageId);
    assert.equal(mail.from?.value[0]?.address, FROM);
    const to = Array.isArray(mail.to) ? mail.to : [mail.to];
    assert.deepEqual(
      to.flatMap((a) => a?.value.map((v) => v.address)),
      [TEAM],
    );
    assertSubject(mail);
    assertAllDetails(mail);
    assert.doesNotMatch(mail.html as string, /<script|<img/i);
  });

  it('rewrites the same file when the handler retries, instead of adding a second e-mail', async () => {
    const outboxDir = join(dir, 'retry');
    const notifier = createEmailNotifier({ outboxDir });
    await notifier.notify(fixture());
    await notifier.notify(fixture());
    await notifier.notify(fixture({ id: '7a000000-0000-4000-8000-000000000002', receivedAt: '2025-11-14T11:00:00.000Z' }));
    const files = (await readdir(outboxDir)).sort();
    assert.deepEqual(files, [
      '2025-11-14T10-00-01.000Z-6f1c2d3e-1111-4222-8333-944455556666.new.eml',
      '2025-11-14T11-00-00.000Z-7a000000-0000-4000-8000-000000000002.new.eml',
    ]);
  });

  it('names each message <id.kind@domain>, the domain from the sender unless messageIdDomain says otherwise', async () => {
    const escalation = fixture();
    const id = '6f1c2d3e-1111-4222-8333-944455556666';
    assert.equal(createEmailNotifier({ outboxDir: dir }).messageIdFor(escalation, 'new'), `<${id}.new@localhost>`);
    assert.equal(
      createEmailNotifier({ outboxDir: dir, from: 'Desk <desk@Mail.Acme.test>' }).messageIdFor(escalation, 'new'),
      `<${id}.new@mail.acme.test>`,
    );
    assert.equal(
      createEmailNotifier({ outboxDir: dir, from: FROM, messageIdDomain: 'acme.test' }).messageIdFor(escalation, 'new'),
      `<${id}.new@acme.test>`,
    );
    // A sender without a usable domain still gives ids a receiver can compare.
    assert.equal(createEmailNotifier({ outboxDir: dir, from: 'desk' }).messageIdFor(escalation, 'new'), `<${id}.new@escalate-kit>`);
    for (const bad of ['', 'acme test', 'a>b', 'acme.test\r\nBcc: x@y.z', '.acme.test']) {
      assert.throws(() => createEmailNotifier({ outboxDir: dir, messageIdDomain: bad }), /messageIdDomain must be a domain/, bad);
    }
  });

  it('sends under the Message-ID it is given (the recorded one), and names the file by it', async () => {
    const outboxDir = join(dir, 'given');
    const notifier = createEmailNotifier({ outboxDir, from: FROM });
    const { messageId } = await notifier.notify(fixture(), {
      kind: 'new',
      messageId: '<6f1c2d3e-1111-4222-8333-944455556666.new@old.acme.test>',
    });
    assert.equal(messageId, '<6f1c2d3e-1111-4222-8333-944455556666.new@old.acme.test>');
    const files = await readdir(outboxDir);
    assert.deepEqual(files, ['2025-11-14T10-00-01.000Z-6f1c2d3e-1111-4222-8333-944455556666.new.eml']);
    assert.equal((await simpleParser(await readFile(join(outboxDir, files[0]!)))).messageId, messageId);
  });

  it('is the default without SMTP_URL, sent to the default account team address', async () => {
    const outboxDir = join(dir, 'env');
    const notifier = createEmailNotifierFromEnv({ SMTP_URL: '' }, { outboxDir });
    assert.equal(notifier.transport, 'outbox');
    assert.match(notifier.describe(), /\.eml files in .*env$/);
    await notifier.notify(fixture());
    const [file] = await readdir(outboxDir);
    const mail = await simpleParser(await readFile(join(outboxDir, file!)));
    const to = Array.isArray(mail.to) ? mail.to : [mail.to];
    assert.deepEqual(
      to.flatMap((a) => a?.value.map((v) => v.address)),
      ['account-team@example.com'],
    );
    assert.equal(mail.from?.value[0]?.address, 'escalations@localhost');
  });

  it('rejects when the outbox cannot be written, so the handler retries', async () => {
    const blocker = join(dir, 'a-file');
    await import('node:fs/promises').then((fs) => fs.writeFile(blocker, 'not a folder'));
    const notifier = createEmailNotifier({ outboxDir: join(blocker, 'outbox') });
    await assert.rejects(notifier.notify(fixture()), /Could not e-mail the account team about escalation 6f1c2d3e/);
  });
});

describe('a failed notification', () => {
  it('rejects quickly when nothing listens on the SMTP port', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));

    const notifier = createEmailNotifier({ smtpUrl: `smtp://127.0.0.1:${port}?connectionTimeout=1000` });
    const started = Date.now();
    await assert.rejects(notifier.notify(fixture()), (err: Error) => {
      assert.match(err.message, /Could not e-mail the account team about escalation 6f1c2d3e-1111-4222-8333-944455556666/);
      assert.ok(err.cause instanceof Error);
      return true;
    });
    assert.ok(Date.now() - started < 3000, `gave up after ${Date.now() - started} ms`);
    notifier.close();
  });

  it('rejects within the greeting timeout when the server accepts but never speaks', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((s) => sockets.push(s));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const notifier = createEmailNotifier({ smtpUrl: `smtp://127.0.0.1:${port}?greetingTimeout=300` });
    const started = Date.now();
    try {
      await assert.rejects(notifier.notify(fixture()), /Could not e-mail the account team/);
      assert.ok(Date.now() - started < 3000, `gave up after ${Date.now() - started} ms`);
    } finally {
      notifier.close();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('rejects when the SMTP server refuses the message', async () => {
    const smtp = await startSmtp(() => Object.assign(new Error('Mailbox full'), { responseCode: 552 }));
    const notifier = createEmailNotifier({ smtpUrl: smtp.url });
    try {
      await assert.rejects(notifier.notify(fixture()), /Mailbox full/);
      assert.equal(smtp.received.length, 0);
    } finally {
      notifier.close();
      await smtp.close();
    }
  });
});

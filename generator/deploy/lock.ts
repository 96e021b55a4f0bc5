/**
 * One deploy per environment at a time. The lock is an object in the environment's artifact
 * bucket (locks/deploy.json), so it holds across machines and survives a crash: it names its
 * owner (user, host, process) and when it was taken. A second run is told who holds it and since
 * when. A lock whose process is gone from this same machine is taken over; one from another
 * machine is removed only on request (gen deploy --break-lock), since a deploy there may still run.
 */
import { randomUUID } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { Clients } from './target.js';

export interface LockOwner {
  token: string;
  user: string;
  host: string;
  pid: number;
  started: string;
  environment: string;
}

export const LOCK_KEY = 'locks/deploy.json';

export type LockResult =
  | { ok: true; release: () => Promise<void>; tookOver?: LockOwner }
  | { ok: false; holder: LockOwner; problem: string };

async function readLock(clients: Clients, bucket: string): Promise<LockOwner | undefined> {
  try {
    const { Body } = await clients.s3.send(new GetObjectCommand({ Bucket: bucket, Key: LOCK_KEY }));
    return JSON.parse(await Body!.transformToString()) as LockOwner;
  } catch (e) {
    const status = (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 404 || (e as Error).name === 'NoSuchKey' || (e as Error).name === 'NotFound') return undefined;
    if (e instanceof SyntaxError) return undefined; // an unreadable lock is no lock
    throw e;
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

export const describeOwner = (o: LockOwner, now = Date.now()) => {
  const seconds = Math.max(0, Math.round((now - Date.parse(o.started)) / 1000));
  const age =
    seconds < 120
      ? `${seconds} s`
      : seconds < 7200
        ? `${Math.round(seconds / 60)} min`
        : `${Math.round(seconds / 3600)} h`;
  return `${o.user}@${o.host} (process ${o.pid}), since ${o.started} (${age} ago)`;
};

export async function acquireLock(
  clients: Clients,
  bucket: string,
  environment: string,
  breakLock: boolean,
): Promise<LockResult> {
  const me: LockOwner = {
    token: randomUUID(),
    user: safeUser(),
    host: hostname(),
    pid: process.pid,
    started: new Date().toISOString(),
    environment,
  };
  const held = await readLock(clients, bucket);
  let tookOver: LockOwner | undefined;
  if (held) {
    const gone = held.host === me.host && !alive(held.pid);
    if (!gone && !breakLock) {
      return {
        ok: false,
        holder: held,
        problem: `another deploy of ${environment} holds the lock: ${describeOwner(held)}; nothing was changed. Wait for it to finish; if that run is gone (killed, its machine lost), run again with --break-lock`,
      };
    }
    tookOver = held;
  }
  // A conditional put where the endpoint supports it (S3 does): of two runs racing here, one loses.
  try {
    await clients.s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: LOCK_KEY,
        Body: JSON.stringify(me),
        ContentType: 'application/json',
        ...(held ? {} : { IfNoneMatch: '*' }),
      }),
    );
  } catch (e) {
    if ((e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 412) {
      const winner = await readLock(clients, bucket);
      if (winner)
        return {
          ok: false,
          holder: winner,
          problem: `another deploy of ${environment} took the lock first: ${describeOwner(winner)}; nothing was changed`,
        };
    }
    throw e;
  }
  // Read back: where the put is not conditional, the last writer wins, and knows it.
  const now = await readLock(clients, bucket);
  if (now && now.token !== me.token)
    return {
      ok: false,
      holder: now,
      problem: `another deploy of ${environment} took the lock at the same moment: ${describeOwner(now)}; nothing was changed`,
    };
  return {
    ok: true,
    ...(tookOver ? { tookOver } : {}),
    release: async () => {
      const current = await readLock(clients, bucket).catch(() => undefined);
      if (current?.token === me.token)
        await clients.s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: LOCK_KEY }));
    },
  };
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? 'unknown';
  }
}

import { hostname } from 'node:os';
import type Docker from 'dockerode';
import { DeployError, dockerMessage, statusCodeOf } from './errors';
import { LABEL, lockName } from './labels';

export interface LockOptions {
  project: string;
  /** Who holds it, shown to whoever is refused: user@machine and the deploy id. */
  holder: string;
  /** A lock older than this is stale and may be broken automatically. */
  staleAfterMs: number;
  breakLock: boolean;
  /** Images that may exist on the host; the lock container is created (never started) from one. */
  images: readonly string[];
  now?: () => Date;
}

/** Holders of the deploys running in this process, to tell our live locks from our leftovers. */
const activeHolders = new Set<string>();

/**
 * Takes the per-host deploy lock: a container with a fixed name, never started. Docker
 * creates a name at most once (409 Conflict otherwise), so two laptops cannot both win.
 */
export async function takeHostLock(docker: Docker, hostLabel: string, options: LockOptions): Promise<void> {
  const name = lockName(options.project);
  const now = options.now ?? (() => new Date());
  const image = await lockImage(docker, options.images);
  const create = () =>
    docker.createContainer({
      name,
      Image: image,
      Cmd: ['true'],
      Labels: {
        [LABEL.project]: options.project,
        [LABEL.lock]: options.project,
        [LABEL.lockHolder]: options.holder,
        [LABEL.lockSince]: now().toISOString(),
        [LABEL.lockMachine]: hostname(),
        [LABEL.lockPid]: String(process.pid),
      },
      HostConfig: { NetworkMode: 'none' },
    });
  activeHolders.add(options.holder);
  try {
    await create();
  } catch (error) {
    if (statusCodeOf(error) !== 409) throw new DeployError('DOCKER', `${hostLabel}: cannot create the deploy lock: ${dockerMessage(error)}`, undefined, { cause: error });
    const existing = await docker.getContainer(name).inspect().catch(() => undefined);
    if (!existing) {
      // The name is taken but not yet (or no longer) inspectable: another deploy is mid-way through taking or releasing it.
      throw new DeployError('LOCKED', `${hostLabel} is being locked by another deploy right now; try again in a moment.`, { host: hostLabel });
    }
    const holder = existing.Config.Labels[LABEL.lockHolder] ?? 'unknown';
    const since = existing.Config.Labels[LABEL.lockSince] ?? existing.Created;
    const age = now().getTime() - Date.parse(since);
    if (!options.breakLock && !(age > options.staleAfterMs) && !holderIsDead(existing.Config.Labels)) {
      throw new DeployError(
        'LOCKED',
        `${hostLabel} is locked by another deploy (${holder}, since ${since}). Wait for it to finish; if it died, break the lock.`,
        { host: hostLabel, holder, since },
      );
    }
    await docker.getContainer(name).remove({ force: true });
    await create().catch((again: unknown) => {
      throw new DeployError('LOCKED', `${hostLabel}: someone else took the lock while the stale one was being broken (${dockerMessage(again)}).`, { host: hostLabel }, { cause: again });
    });
  }
}

/** Called when a deploy of this process ends: a lock of its still on a host is a leftover from then on. */
export function deployEnded(holder: string): void {
  activeHolders.delete(holder);
}

/** Removes the lock only if it is still ours (a broken-and-retaken lock belongs to someone else). */
export async function releaseHostLock(docker: Docker, project: string, holder: string): Promise<void> {
  const name = lockName(project);
  // Only "no such container" means no lock: any other failure must reach the caller's retry, or the lock stays.
  const info = await docker.getContainer(name).inspect().catch((error: unknown) => {
    if (statusCodeOf(error) !== 404) throw error;
  });
  if (info?.Config.Labels[LABEL.lockHolder] === holder) await docker.getContainer(name).remove({ force: true });
}

async function lockImage(docker: Docker, candidates: readonly string[]): Promise<string> {
  for (const image of candidates) {
    if (await docker.getImage(image).inspect().then(() => true, () => false)) return image;
  }
  const any = (await docker.listImages()).flatMap((i) => i.RepoTags ?? []).find((t) => t !== '<none>:<none>');
  if (any) return any;
  throw new DeployError('IMAGE_MISSING', `the host has no image at all, so the deploy lock cannot be created; pull one of ${candidates.join(', ')} first.`);
}

/**
 * A lock taken on this machine by a process that no longer exists (a killed CLI or app)
 * cannot be in use: breaking it lets the next deploy repair what the dead one left.
 * A lock from another machine is never judged here — only its age or the user can.
 */
function holderIsDead(labels: Record<string, string>): boolean {
  const pid = Number(labels[LABEL.lockPid]);
  if (labels[LABEL.lockMachine] !== hostname() || !Number.isInteger(pid) || pid <= 0) return false;
  // Ours, but no deploy of this process holds it: a release that failed (host unreachable then).
  if (pid === process.pid) return !activeHolders.has(labels[LABEL.lockHolder] ?? '');
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

import type Docker from 'dockerode';

/**
 * A kept previous version must stay stopped: dockerd starts every stopped `restart: always`
 * container when it restarts, which would run two versions on one port. So it is kept with
 * no restart policy, and gets its own back (from its spec label) before it runs again.
 */
export async function parkKept(docker: Docker, id: string): Promise<void> {
  await docker.getContainer(id).update({ RestartPolicy: { Name: 'no', MaximumRetryCount: 0 } });
}

export async function unparkKept(docker: Docker, id: string, restart: string | undefined): Promise<void> {
  const name = restart === 'always' || restart === 'on-failure' || restart === 'no' ? restart : 'unless-stopped';
  await docker.getContainer(id).update({ RestartPolicy: { Name: name, MaximumRetryCount: name === 'on-failure' ? 3 : 0 } });
}

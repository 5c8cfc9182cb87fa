/**
 * Host paths that hand a container the host itself: the root, the Docker socket (root on
 * the host in all but name), kernel interfaces, system configuration. Mounting one is
 * sometimes right (Traefik reads the socket, cAdvisor reads /sys) but never by accident.
 */
const DOCKER_SOCKETS = ['/var/run/docker.sock', '/run/docker.sock'];
const SYSTEM_TREES = ['/proc', '/sys', '/dev', '/etc', '/boot', '/root', '/var/lib/docker', ...DOCKER_SOCKETS];

/** Why mounting `hostPath` is sensitive, or undefined when it is an ordinary path. */
export function sensitiveMountReason(hostPath: string): string | undefined {
  const path = hostPath.length > 1 ? hostPath.replace(/\/+$/, '') : hostPath;
  if (path === '/') return 'it exposes the whole host file system';
  if (DOCKER_SOCKETS.some((socket) => socket === path || socket.startsWith(`${path}/`))) {
    return 'it exposes the Docker socket, which gives root on the host';
  }
  const tree = SYSTEM_TREES.find((root) => path === root || path.startsWith(`${root}/`));
  return tree ? `it exposes the host's ${tree}` : undefined;
}

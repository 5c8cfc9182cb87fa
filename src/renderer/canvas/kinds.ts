import type { ServiceKind } from '../../shared/model';
import type { IconName } from '../components/Icon';

/** How each service kind is labelled and drawn. */
export function kindLook(kind: ServiceKind): { label: string; icon: IconName } {
  switch (kind) {
    case 'app':
      return { label: 'App', icon: 'app' };
    case 'database':
      return { label: 'Database', icon: 'database' };
    case 'cache':
      return { label: 'Cache', icon: 'cache' };
    case 'queue':
      return { label: 'Queue', icon: 'queue' };
    case 'proxy':
      return { label: 'Proxy', icon: 'proxy' };
    case 'static':
      return { label: 'Static', icon: 'static' };
    case 'job':
      return { label: 'Job', icon: 'job' };
    case 'external':
      return { label: 'External', icon: 'external' };
  }
}

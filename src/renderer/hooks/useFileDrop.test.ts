import { describe, expect, it } from 'vitest';
import { droppedComposeFile, droppedTopologyPath } from './useFileDrop';

/** The two parts of a DataTransfer the drop handler reads. */
function transfer(names: string[], uriList = ''): DataTransfer {
  return { files: names.map((name) => ({ name })) as unknown as FileList, getData: (type: string) => (type === 'text/uri-list' ? uriList : '') } as unknown as DataTransfer;
}

describe('droppedTopologyPath', () => {
  it('takes the path the desktop preload gives for a dropped topology file', () => {
    expect(droppedTopologyPath(transfer(['shop.stackdraft.yaml']), () => '/home/me/shop.stackdraft.yaml')).toEqual({ path: '/home/me/shop.stackdraft.yaml', name: 'shop.stackdraft.yaml' });
  });

  it('reads a file:// URI (a file manager drag), decoding its escapes', () => {
    expect(droppedTopologyPath(transfer([], '# comment\r\nfile:///home/me/my%20infra/a.stackdraft.yml'))).toEqual({ path: '/home/me/my infra/a.stackdraft.yml', name: 'a.stackdraft.yml' });
  });

  it('leaves other files (docker-compose, images) to other handlers', () => {
    expect(droppedTopologyPath(transfer(['docker-compose.yml', 'logo.png'], 'file:///x/compose.yaml'), () => '/x')).toBeNull();
  });

  it('knows a topology file was dropped even when no path can be learnt', () => {
    expect(droppedTopologyPath(transfer(['shop.stackdraft.yaml']))).toEqual({ path: null, name: 'shop.stackdraft.yaml' });
  });
});

describe('droppedComposeFile', () => {
  it('takes a dropped YAML file that is not a topology for a compose file to import', () => {
    expect(droppedComposeFile(transfer(['logo.png', 'docker-compose.yml']))?.name).toBe('docker-compose.yml');
    expect(droppedComposeFile(transfer(['compose.YAML']))?.name).toBe('compose.YAML');
  });

  it('leaves topology files to Open and ignores other files', () => {
    expect(droppedComposeFile(transfer(['shop.stackdraft.yaml']))).toBeNull();
    expect(droppedComposeFile(transfer(['notes.txt']))).toBeNull();
  });
});

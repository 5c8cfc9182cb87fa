import { ReactFlowProvider } from '@xyflow/react';
import { CanvasOverlay } from './analysis/CanvasOverlay';
import { Canvas } from './canvas/Canvas';
import { DeployPanel } from './components/DeployPanel';
import { ViewCommands } from './commands/ViewCommands';
import { HelpDialogs } from './components/HelpDialogs';
import { KnownHostsDialog } from './components/KnownHosts';
import { PreferencesDialog } from './components/Preferences';
import { LoadErrors } from './components/LoadErrors';
import { MenuBar } from './components/MenuBar';
import { PathPrompt } from './components/PathPrompt';
import { ProblemsPanel } from './components/ProblemsPanel';
import { ReadOnlyBanner } from './components/ReadOnlyBanner';
import { StartScreen } from './components/StartScreen';
import { TierBar } from './components/TierBar';
import { TierComparison } from './components/TierComparison';
import { Toasts } from './components/Toasts';
import { Toolbar } from './components/Toolbar';
import { Unavailable } from './components/Unavailable';
import { CheatSheet } from './components/CheatSheet';
import { DeleteConfirm } from './components/DeleteConfirm';
import { EditorBar } from './components/EditorBar';
import { ExportDialog } from './components/ExportDialog';
import { ImportDialog } from './components/ImportDialog';
import { Inspector } from './components/Inspector';
import { Palette } from './components/Palette';
import { RecoveryOffer } from './components/RecoveryOffer';
import { Search } from './components/Search';
import { useAutosaveOnHide } from './hooks/useAutosaveOnHide';
import { useBoot } from './hooks/useBoot';
import { useConfirmClose } from './hooks/useConfirmClose';
import { useEditorShortcuts } from './hooks/useEditorShortcuts';
import { useCommands } from './hooks/useCommands';
import { useDocumentTitle } from './hooks/useDocumentTitle';
import { useFileDrop } from './hooks/useFileDrop';
import { useMenuState } from './hooks/useMenuState';
import { useShellSync } from './hooks/useShellSync';
import { usePrefersDark } from './hooks/usePrefersDark';
import { useAppStore } from './store';

/** The window: connecting, the start screen, or the open document. */
export function App() {
  useBoot();
  useCommands();
  useDocumentTitle();
  useShellSync();
  useFileDrop();
  useMenuState();
  useEditorShortcuts();
  useConfirmClose();
  useAutosaveOnHide();
  const phase = useAppStore((s) => s.phase);
  const unavailableReason = useAppStore((s) => s.unavailableReason);
  const theme = useAppStore((s) => s.theme);
  const busy = useAppStore((s) => s.busy);
  const prefersDark = usePrefersDark();
  const dark = theme === 'dark' || (theme === 'system' && prefersDark);

  return (
    <div className="app" data-app-state={phase} data-busy={busy ?? 'idle'} data-theme={dark ? 'dark' : 'light'}>
      {phase === 'loading' ? <div className="loading" data-testid="loading">Connecting…</div> : null}
      {phase === 'unavailable' ? <Unavailable reason={unavailableReason} /> : null}
      {phase === 'ready' ? <Workspace dark={dark} /> : null}
    </div>
  );
}

function Workspace({ dark }: { dark: boolean }) {
  const hasDocument = useAppStore((s) => s.topology !== null);
  const connectionLost = useAppStore((s) => s.unavailableReason);
  return (
    <>
      <MenuBar />
      <Toolbar />
      {connectionLost ? (
        <div className="banner banner--error" data-testid="connection-lost" role="alert">
          {connectionLost}
        </div>
      ) : null}
      <RecoveryOffer />
      {hasDocument ? (
        <>
          <TierBar />
          <ReadOnlyBanner />
          <div className="editor">
            <Palette />
            <div className="workspace">
              <EditorBar />
              <ReactFlowProvider>
                <ViewCommands />
                <Canvas colorMode={dark ? 'dark' : 'light'} />
                <CanvasOverlay />
                <ProblemsPanel />
                <TierComparison />
              </ReactFlowProvider>
              <Search />
              <div className="workspace__overlay">
                <LoadErrors />
              </div>
              <DeployPanel />
            </div>
            <Inspector />
          </div>
        </>
      ) : (
        <StartScreen />
      )}
      <DeleteConfirm />
      <CheatSheet />
      <PathPrompt />
      <HelpDialogs />
      <KnownHostsDialog />
      <PreferencesDialog />
      <ExportDialog dark={dark} />
      <ImportDialog />
      <Toasts />
    </>
  );
}

/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder loads hooks with require(), so these are CommonJS. */
// Electron fuses flipped in every packaged build (see after-pack.cjs). CommonJS because
// electron-builder loads hooks with require().
const { FuseV1Options, FuseVersion } = require('@electron/fuses');

/** Each fuse and why: a packaged Stackdraft must not double as a general Node runtime. */
const FUSES = {
  version: FuseVersion.V1,
  // ELECTRON_RUN_AS_NODE would turn the signed app binary into `node` for any script.
  [FuseV1Options.RunAsNode]: false,
  // NODE_OPTIONS (e.g. --require evil.js) must not inject code into main.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect would let anyone on the machine attach a debugger to main.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // The app code is checked against the hash recorded at build time (macOS, Windows).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Only app.asar is loaded, never a loose app/ folder planted beside it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.EnableCookieEncryption]: true,
  // The renderer is served from app://, so file:// needs no extra privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** The Electron binary electron-builder produced in `appOutDir`, per platform. */
function executablePath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const name = packager.appInfo.productFilename;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return `${appOutDir}/${name}.app`;
    case 'win32':
      return `${appOutDir}/${name}.exe`;
    default:
      return `${appOutDir}/${packager.executableName}`;
  }
}

module.exports = { FUSES, executablePath };

/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder loads hooks with require(), so these are CommonJS. */
// electron-builder afterPack hook: flips the fuses of the packaged Electron binary before
// it is signed and wrapped into AppImage, deb, dmg or nsis.
const { flipFuses } = require('@electron/fuses');
const { FUSES, executablePath } = require('./fuses.cjs');

module.exports = async function afterPack(context) {
  const arm64Mac = context.electronPlatformName === 'darwin' && context.arch === 3; // Arch.arm64
  await flipFuses(executablePath(context), { ...FUSES, resetAdHocDarwinSignature: arm64Mac });
};

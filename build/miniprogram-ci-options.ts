/**
 * Options for `miniprogram-ci` preview and upload of the weapp build, from configuration:
 * MINIPROGRAM_APPID, MINIPROGRAM_PRIVATE_KEY_PATH (the upload key downloaded from the
 * mini-program console, kept outside the repository) and MINIPROGRAM_ROBOT (1–30).
 */
import fs from 'node:fs';
import path from 'node:path';

export const WEAPP_BUILD_DIR = path.resolve(__dirname, '..', 'client', 'dist', 'weapp');

export type CiAction = 'preview' | 'upload';

export interface CiOptions {
  action: CiAction;
  project: { appid: string; type: 'miniProgram'; projectPath: string; privateKeyPath: string; ignores: string[] };
  /** Version and description shown in the mini-program console. */
  version: string;
  desc: string;
  robot: number;
  setting: { es6: boolean; minify: boolean };
  /** Preview only: where the QR code image goes. */
  qrcodeOutputDest?: string;
}

/**
 * Builds the options, checking every value first. Throws one Error listing each missing
 * or invalid variable or argument.
 */
export function ciOptions(
  action: string,
  argv: string[],
  env: NodeJS.ProcessEnv,
  fileExists: (file: string) => boolean = fs.existsSync,
): CiOptions {
  const problems: string[] = [];
  if (action !== 'preview' && action !== 'upload') problems.push(`unknown action ${JSON.stringify(action)}: use preview or upload`);
  const appid = env.MINIPROGRAM_APPID ?? '';
  if (!/^wx[0-9a-f]{16}$/.test(appid)) problems.push('MINIPROGRAM_APPID must be the mini-program AppID (wx followed by 16 hex digits)');
  const privateKeyPath = env.MINIPROGRAM_PRIVATE_KEY_PATH ?? '';
  if (!privateKeyPath) problems.push('MINIPROGRAM_PRIVATE_KEY_PATH is missing: the upload key file from 开发管理 > 开发设置');
  else if (!fileExists(privateKeyPath)) problems.push(`MINIPROGRAM_PRIVATE_KEY_PATH ${privateKeyPath} does not exist`);
  const robot = Number(env.MINIPROGRAM_ROBOT ?? '1');
  if (!Number.isInteger(robot) || robot < 1 || robot > 30) problems.push('MINIPROGRAM_ROBOT must be an integer from 1 to 30');
  const flag = (name: string) => {
    const index = argv.indexOf(name);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const version = flag('--version') ?? '';
  if (action === 'upload' && !/^\d+\.\d+\.\d+$/.test(version)) problems.push('--version must be given as MAJOR.MINOR.PATCH for an upload');
  if (!fileExists(path.join(WEAPP_BUILD_DIR, 'app.json'))) problems.push(`${WEAPP_BUILD_DIR} has no app.json: run npm run build:weapp first`);
  if (problems.length > 0) throw new Error(`Cannot ${action}:\n- ${problems.join('\n- ')}`);
  return {
    action: action as CiAction,
    project: { appid, type: 'miniProgram', projectPath: WEAPP_BUILD_DIR, privateKeyPath, ignores: ['node_modules/**/*'] },
    version: version || '0.0.0',
    desc: flag('--desc') ?? `${action} from miniprogram-ci`,
    robot,
    setting: { es6: false, minify: false },
    qrcodeOutputDest: action === 'preview' ? path.resolve(flag('--qrcode') ?? 'preview-qrcode.jpg') : undefined,
  };
}

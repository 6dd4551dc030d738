/**
 * Previews or uploads the weapp build with `miniprogram-ci`.
 *
 * Usage: npm run preview [-- --desc TEXT --qrcode FILE]
 *        npm run upload -- --version 1.2.3 [--desc TEXT]
 * Needs MINIPROGRAM_APPID, MINIPROGRAM_PRIVATE_KEY_PATH and optionally MINIPROGRAM_ROBOT.
 * Taro already minifies the build, so the tool's own ES6 and minify passes stay off.
 */
import { ciOptions } from '../build/miniprogram-ci-options';

async function main(): Promise<void> {
  const [action = '', ...argv] = process.argv.slice(2);
  const options = ciOptions(action, argv, process.env);
  const ci = (await import('miniprogram-ci')) as typeof import('miniprogram-ci');
  const project = new ci.Project(options.project);
  const common = { project, version: options.version, desc: options.desc, robot: options.robot, setting: options.setting };
  if (options.action === 'preview') {
    await ci.preview({ ...common, qrcodeFormat: 'image', qrcodeOutputDest: options.qrcodeOutputDest! });
    console.log(`preview QR code written to ${options.qrcodeOutputDest}`);
  } else {
    await ci.upload(common);
    console.log(`uploaded version ${options.version}; submit it for review in the mini-program console`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

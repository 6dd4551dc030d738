import { render, screen, fireEvent, waitFor } from '@testing-library/react';
import { CloudError } from '../services/cloud-error';
import FacePage from '../account/face/index';
import { onCloud, pending, resetCloudDouble, cloudCalls } from '../../test/support/cloud-double';
import { navigation, resetTaroDouble } from '../../test/support/taro-double';
import { newUser } from '../../test/support/fixtures';

jest.mock('../services/cloud', () => require('../../test/support/cloud-double'));

const verifiedIdentity = { ...newUser, stage: 'identity_verified' as const };
const JPEG_BYTES = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]);
const CHALLENGE = {
  nonce: 'nonce-1',
  actions: ['turn_left', 'blink'],
  expiresAt: '2026-12-01T10:02:00.000Z',
  expiresInSeconds: 120,
  minFrames: 3,
  maxFrames: 6,
  attemptsLeftToday: 5,
};

beforeEach(() => {
  resetCloudDouble();
  resetTaroDouble();
});

function chooseFile(bytes: Uint8Array<ArrayBuffer>, type = 'image/jpeg') {
  const input = document.querySelector('#face-file') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File([bytes], 'frame.jpg', { type })] } });
}

async function switchToSelfie() {
  fireEvent.click(await screen.findByText('改为上传一张照片核验'));
}

async function chooseSelfie() {
  await switchToSelfie();
  const input = (await waitFor(() => {
    const found = document.querySelector('#face-file');
    if (!found) throw new Error('file input not rendered');
    return found;
  })) as HTMLInputElement;
  const file = new File([JPEG_BYTES], 'selfie.jpg', { type: 'image/jpeg' });
  fireEvent.change(input, { target: { files: [file] } });
  await waitFor(() => expect(document.querySelector('.preview-image')).toBeTruthy());
}

describe('face page', () => {
  it('shows loading', () => {
    onCloud('account', () => pending());
    render(<FacePage />);
    expect(screen.getByText('加载中…')).toBeTruthy();
  });

  it('shows the server message when the status fails', async () => {
    onCloud('account', () => {
      throw new CloudError('INTERNAL', '服务繁忙，请稍后再试。');
    });
    render(<FacePage />);
    expect(await screen.findByText('服务繁忙，请稍后再试。')).toBeTruthy();
  });

  it('asks a new user to open the account first', async () => {
    onCloud('account', () => newUser);
    render(<FacePage />);
    expect(await screen.findByText('请先开通借款账户，再进行人脸核验。')).toBeTruthy();
  });

  it('shows attempts left and sends the chosen photo as base64', async () => {
    onCloud('account', () => verifiedIdentity);
    onCloud('faceVerify', () => ({ passed: true, attemptsLeftToday: 4, stage: 'face_verified' }));
    render(<FacePage />);
    expect(await screen.findByText(/今日还可核验 5 次/)).toBeTruthy();
    await chooseSelfie();
    fireEvent.click(screen.getByText('提交核验'));
    expect(await screen.findByText('人脸核验通过。')).toBeTruthy();
    const call = cloudCalls.find((entry) => entry.name === 'faceVerify');
    expect(call?.data).toEqual({
      action: 'verify',
      selfieBase64: Buffer.from(JPEG_BYTES).toString('base64'),
    });
    fireEvent.click(screen.getByText('获取额度'));
    expect(navigation[0].url).toBe('/loan/credit/index?evaluate=1');
  });

  it('explains a failed match and the attempts that remain', async () => {
    onCloud('account', () => verifiedIdentity);
    onCloud('faceVerify', () => ({
      passed: false,
      reason: 'no_match',
      attemptsLeftToday: 3,
      stage: 'identity_verified',
    }));
    render(<FacePage />);
    await chooseSelfie();
    fireEvent.click(screen.getByText('提交核验'));
    expect(
      await screen.findByText(
        '照片与身份证件登记的照片不一致。请本人正对镜头重新拍摄。今日还可核验 3 次。',
      ),
    ).toBeTruthy();
    expect(screen.getAllByText(/还可核验 3 次/)).toHaveLength(1);
  });

  it('stops offering capture when no attempts remain', async () => {
    onCloud('account', () => ({ ...verifiedIdentity, faceAttemptsLeftToday: 0 }));
    render(<FacePage />);
    expect(await screen.findByText(/今日核验次数已用完，请明天再试。/)).toBeTruthy();
    expect(screen.queryByText('提交核验')).toBeNull();
  });

  it('rejects a file that is not a JPEG or PNG', async () => {
    onCloud('account', () => verifiedIdentity);
    render(<FacePage />);
    await switchToSelfie();
    const input = document.querySelector('#face-file') as HTMLInputElement;
    const file = new File(['GIF89a'], 'selfie.gif', { type: 'image/gif' });
    fireEvent.change(input, { target: { files: [file] } });
    expect(await screen.findByText('请选择不超过 4 MB 的 JPG 或 PNG 照片。')).toBeTruthy();
  });

  it('guides through each challenge action and sends the frames in order', async () => {
    onCloud('account', () => verifiedIdentity);
    onCloud('faceVerify', (data) =>
      data.action === 'challenge'
        ? { ...CHALLENGE }
        : { passed: true, attemptsLeftToday: 4, stage: 'face_verified' },
    );
    render(<FacePage />);
    fireEvent.click(await screen.findByText('开始动作核验'));
    expect(await screen.findByText(/第 1 \/ 3 步：请正对镜头/)).toBeTruthy();
    chooseFile(JPEG_BYTES);
    expect(await screen.findByText(/第 2 \/ 3 步：请把头转向您的左侧/)).toBeTruthy();
    chooseFile(JPEG_BYTES);
    expect(await screen.findByText(/第 3 \/ 3 步：请闭上双眼/)).toBeTruthy();
    chooseFile(JPEG_BYTES);
    expect(await screen.findByText('人脸核验通过。')).toBeTruthy();
    const image = Buffer.from(JPEG_BYTES).toString('base64');
    expect(cloudCalls.map((call) => call.data)).toEqual([
      { action: 'status' },
      { action: 'challenge' },
      {
        action: 'verify',
        nonce: 'nonce-1',
        frames: [
          { imageBase64: image },
          { action: 'turn_left', imageBase64: image },
          { action: 'blink', imageBase64: image },
        ],
      },
    ]);
  });

  it('shows the server message when an action was not seen', async () => {
    onCloud('account', () => verifiedIdentity);
    onCloud('faceVerify', (data) =>
      data.action === 'challenge'
        ? { ...CHALLENGE, actions: ['open_mouth'], minFrames: 2 }
        : {
            passed: false,
            reason: 'action_not_performed',
            failedAction: 'open_mouth',
            message: '第 2 张照片中没有看到张嘴。今天还可以再试 2 次。',
            attemptsLeftToday: 2,
            stage: 'identity_verified',
          },
    );
    render(<FacePage />);
    fireEvent.click(await screen.findByText('开始动作核验'));
    await screen.findByText(/第 1 \/ 2 步/);
    chooseFile(JPEG_BYTES);
    await screen.findByText(/请张大嘴巴/);
    chooseFile(JPEG_BYTES);
    expect(
      await screen.findByText('第 2 张照片中没有看到张嘴。今天还可以再试 2 次。'),
    ).toBeTruthy();
    expect(screen.getByText('开始动作核验')).toBeTruthy();
  });

  it('shows the message when no challenge can be issued', async () => {
    onCloud('account', () => verifiedIdentity);
    onCloud('faceVerify', () => {
      throw new CloudError('RATE_LIMITED', '操作太频繁，请 1 分钟后再试。');
    });
    render(<FacePage />);
    fireEvent.click(await screen.findByText('开始动作核验'));
    expect(await screen.findByText('操作太频繁，请 1 分钟后再试。')).toBeTruthy();
  });

  it('rejects a challenge frame above 700 KB', async () => {
    onCloud('account', () => verifiedIdentity);
    onCloud('faceVerify', () => ({ ...CHALLENGE }));
    render(<FacePage />);
    fireEvent.click(await screen.findByText('开始动作核验'));
    await screen.findByText(/第 1 \/ 3 步/);
    chooseFile(new Uint8Array(700 * 1024 + 1));
    expect(await screen.findByText('请选择不超过 700 KB 的 JPG 或 PNG 照片。')).toBeTruthy();
    expect(cloudCalls.filter((call) => call.data.action === 'verify')).toHaveLength(0);
  });
});

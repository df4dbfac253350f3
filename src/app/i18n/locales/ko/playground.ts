/** 'playground' 네임스페이스의 한국어 문자열 (필요할 때 불러온다). */
import type { Translation } from '../../types';
import type en from '../en/playground';

const playground: Translation<typeof en> = {
  title: 'playground',
};

export default playground;

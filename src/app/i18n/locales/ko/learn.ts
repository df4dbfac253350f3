/** 'learn' 네임스페이스의 한국어 문자열 (필요할 때 불러온다). */
import type { Translation } from '../../types';
import type en from '../en/learn';

const learn: Translation<typeof en> = {
  title: 'learn',
};

export default learn;

/** 콘솔 공용 컴포넌트(차트, 히트맵, 해시 밴드)의 한국어 문자열. */
import type { Translation } from '../../types';
import type en from '../en/console';

const console: Translation<typeof en> = {
  chart: {
    noData: '데이터 없음',
    empty: '아직 데이터가 없습니다.',
  },
  heat: {
    noData: '데이터 없음 (닫혔거나 아직 만들어지지 않은 샤드)',
    legend: '샤드 쓰기 한도의 100% 이상 (빨강: 쓰기 거부)',
  },
  band: {
    aria: '열린 샤드 {{count}}개를 쓰기 사용률로 색칠한 해시 키 공간',
    tip: '{{id}}\n키 공간 {{from}}% … {{to}}% (전체의 {{share}}%)\n쓰기 사용률 {{util}}%',
  },
};

export default console;

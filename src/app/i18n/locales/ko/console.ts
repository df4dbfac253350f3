/** 콘솔 공용 컴포넌트(차트, 히트맵, 해시 밴드, 시나리오 알림)의 한국어 문자열. */
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
  notice: {
    dismiss: '닫기',
    more: '… 외 {{count}}개',
    rescue: '저장된 텍스트 내려받기',
  },
  shared: {
    title: '이 공유 시나리오에는 코드가 들어 있습니다',
    unnamed: '이름 없는 시나리오',
    text_one: '“{{name}}”에는 불러오면 이 페이지의 시뮬레이터에서 실행될 코드 {{count}}개가 들어 있습니다. 먼저 읽어 보고, 링크를 보낸 곳을 믿을 수 있을 때만 불러오세요.',
    text_other: '“{{name}}”에는 불러오면 이 페이지의 시뮬레이터에서 실행될 코드 {{count}}개가 들어 있습니다. 먼저 읽어 보고, 링크를 보낸 곳을 믿을 수 있을 때만 불러오세요.',
    codeAria: '공유 링크에 든 코드',
    reject: '불러오지 않기',
    confirm: '불러와서 실행',
  },
};

export default console;

/** 갤러리 예제 시나리오(src/app/scenarios/gallery.ts)의 한국어 제목과 배울 점, id별. */
import type { Translation } from '../../types';
import type en from '../en/gallery';

const gallery: Translation<typeof en> = {
  'clickstream-hot-key': { title: '핫 키가 있는 클릭스트림', lesson: '키 하나가 초당 1,000개를 넘으면 샤드를 몇 개로 늘려도 스로틀링됩니다.' },
  'iot-fleet': { title: 'IoT 기기 텔레메트리', lesson: '작은 레코드: 바이트보다 초당 레코드 수 한도에 먼저 걸립니다.' },
  'log-shipping': { title: '객체 저장소로 로그 전송', lesson: '바이트 한도에 걸립니다. 무작위 키는 부하를 고르게 나눕니다.' },
  'fraud-detection': { title: '결제 사기 탐지', lesson: '폴링 소비자 옆의 향상된 팬아웃, 긴 보존 기간.' },
  'under-provisioned-consumers': { title: '처리 용량이 부족한 소비자', lesson: '쓰기는 감당하지만 읽기는 못 따라갑니다: 반복자 나이가 계속 늘어납니다.' },
  'security-cameras': { title: '보안 카메라 (Video Streams)', lesson: '키 프레임마다 프래그먼트 하나, 보존 기간이 다시 볼 수 있는 범위를 정합니다.' },
};

export default gallery;

/** Kinesis vs SQS 페이지의 한국어 문자열 (페이지와 함께 불러온다). 항목별 사실: spec sqs.md §9. */
import type { Translation } from '../../types';
import type en from '../en/queues';

const queues: Translation<typeof en> = {
  title: 'Kinesis vs SQS',
  subtitle: '같은 워크로드를 <stream>데이터 스트림</stream>과 <sqs>Amazon SQS</sqs>(Amazon Simple Queue Service) 대기열에 동시에 흘려 보내고, 실행되는 동안 항목별로 비교합니다.',
  workload: '워크로드',
  rate: '초당 메시지 수',
  size: '메시지 크기 (바이트)',
  sizeLabel: '메시지 크기',
  shards: '샤드',
  fifo: 'FIFO 대기열',
  replaces: '실행하면 불러온 시나리오가 이 비교 시나리오로 바뀝니다 (지금 시나리오를 남기려면 먼저 내보내세요).',
  run: '비교 실행',
  comparison: '비교',
  after: '항목별 비교, {{sec}}초 경과',
  head: { point: '항목', kinesis: 'Kinesis Data Streams', sqs: 'Amazon SQS', today: '현재 사실' },
  points: {
    ordering: {
      point: '순서',
      kinesis: '샤드 안에서 엄격하게 지켜집니다(시퀀스 번호 순). 같은 파티션 키의 레코드는 순서가 유지됩니다. 여기서는 샤드 {{shards}}개',
      sqsFifo: 'FIFO: 메시지 그룹 안에서 엄격하며, 그룹당 한 번에 메시지 하나만 처리 중입니다. 순서가 뒤바뀐 전달: {{n}}건',
      sqsStandard: '표준: 최선 노력(순서 보장 없음), 최소 한 번 전달. 순서가 뒤바뀐 전달: {{n}}건',
      note: 'FIFO 대기열은 (메시지 그룹 단위로) 순서를 지킵니다. 그리고 AUTO 분배를 쓰는 Kinesis 온디맨드 스트림은 키별 순서를 보장하지 않습니다.',
    },
    fanOut: {
      point: '팬아웃',
      kinesis: '모든 소비자가 모든 레코드를 읽습니다: 기록된 {{written}}개 중 {{list}}',
      sqs: '경쟁 소비자들이 메시지를 나눠 가집니다: 보낸 {{sent}}개 중 {{list}} (합계 {{total}})',
      note: 'SQS에서 팬아웃하려면 SNS(또는 EventBridge)에 게시하고 소비자마다 대기열을 하나씩 두세요.',
    },
    crash: {
      point: '소비자 장애',
      kinesis: '“crashes”는 체크포인트부터 다시 읽습니다: 레코드 {{redelivered}}개 재전달, 현재 지연 {{lag}}개',
      sqs: '처리 중이던 메시지는 가시성 제한 시간이 지나면 다시 보이고 다른 소비자에게 갑니다: {{n}}개 재전달',
    },
    replay: {
      point: '재처리와 보존',
      kinesis: '“replays”는 늦게 시작해도 TRIM_HORIZON부터 읽습니다: 레코드 {{n}}개. 보존 기간은 기본 24시간, 최대 365일',
      sqs: '“replays”는 아직 대기열에 남은 것만 받습니다: 메시지 {{n}}개. 삭제된 메시지는 사라집니다(DLQ 리드라이브만 가능). 보존 기간은 60초 – 14일, 기본 4일',
      note: 'Kinesis 보존 기간은 더 이상 7일로 제한되지 않습니다: 최대 8,760시간(365일).',
    },
    throughput: {
      point: '처리량 단위와 스로틀링',
      kinesis: '프로비저닝: 샤드당 쓰기 1MiB/s 또는 초당 레코드 1,000개, 읽기 2MiB/s. 지금까지 스로틀링된 쓰기 {{n}}건',
      sqsFifo: 'FIFO: 작업당 초당 300회 호출(10개씩 배치하면 초당 메시지 3,000개), 높은 처리량 모드에서는 더 많이. 지금까지 스로틀링 {{n}}건',
      sqsStandard: '표준: 작업당 호출 수가 사실상 무제한. 지금까지 스로틀링 {{n}}건',
      note: '메시지 크기: SQS는 이제 최대 1MiB(이전 256KiB)를 받습니다. Kinesis 레코드는 기본 최대 1MiB, 스트림별로 최대 10MiB까지 늘릴 수 있습니다.',
    },
    latency: {
      point: '지연 시간',
      kinesis: '레코드는 바로 읽을 수 있고, 폴링 소비자는 폴링 간격 안에 봅니다 (현재 최대 반복자 나이 {{ms}}ms)',
      sqs: '긴 폴링은 메시지가 도착하는 즉시 반환합니다. 종단 간 평균 {{avg}}ms, p99 ≤ {{p99}}ms (steady 소비자)',
    },
    cost: {
      point: '이 워크로드의 월 비용',
      kinesis: '≈ {{usd}} (프로비저닝 샤드 {{shards}}개, PUT 페이로드 단위)',
      sqs: '≈ {{usd}} ({{sec}}초 동안 측정한 초당 요청 {{rps}}회, 64KB 단위 과금, 처음 100만 건 무료)',
      note: 'SQS는 모든 요청(보내기, 받기(빈 응답 포함), 삭제)에 요금을 매기고, Kinesis는 읽는 쪽 수와 상관없이 샤드 시간과 PUT 페이로드 단위로 요금을 매깁니다.',
    },
  },
};

export default queues;

/** 레슨 목록, 레슨 패널, 각 레슨의 한국어 문자열. */
import type { Translation } from '../../types';
import type en from '../en/learn';

const learn: Translation<typeof en> = {
  title: '레슨',
  subtitle: '직접 해 보며 Amazon Kinesis를 배웁니다. 레슨마다 전용 시나리오를 불러오고, 각 단계는 시뮬레이션된 스트림의 실제 상태로 확인합니다.',
  start: '시작',
  restart: '다시 시작',
  continue: '계속',
  done: '완료',
  progress: '레슨 {{total}}개 중 {{done}}개 완료',
  step: '{{n}}단계',
  openPage: '이 단계의 페이지 열기',
  hint: '힌트',
  checking: '시뮬레이션이 실행되는 동안 엔진 상태로 확인합니다.',
  finished: '레슨 완료!',
  next: '다음 레슨: {{title}}',
  allDone: '모든 레슨을 마쳤습니다. 이제 SDK 플레이그라운드를 사용해 보세요.',
  close: '레슨 닫기',
  panel: '레슨',
  glossaryLink: '용어집',
  notFound: '“{{id}}” 레슨이 없습니다.',
  lessons: {
    records: {
      title: '레코드, 데이터 블롭, 파티션 키',
      summary: '레코드란 무엇이고 파티션 키는 무슨 일을 하는가.',
      intro: 'Kinesis 데이터 스트림은 레코드를 저장합니다. 레코드는 데이터 블롭(최대 1 MiB의 임의 바이트: 텍스트, JSON, 이미지), 직접 정하는 파티션 키, Kinesis가 부여하는 시퀀스 번호로 이루어집니다. 스트림 페이지 아래쪽의 “레코드 직접 넣기” 폼을 사용하세요.',
      steps: {
        put: { text: 'lesson-records에 아무 파티션 키와 데이터로 레코드 하나를 넣으세요.', hint: '“레코드 직접 넣기”로 스크롤해 예시 그대로 PutRecord 호출을 누르세요.' },
        sameKey: { text: '앞서 사용한 것과 같은 파티션 키로 두 번째 레코드를 넣으세요.', hint: '같은 키의 레코드는 항상 같은 샤드에 순서대로 들어갑니다.' },
        json: { text: '데이터가 JSON 객체인 레코드를 넣으세요.', hint: '데이터 형식으로 “JSON”을 고르고 예: {"user": 42} 를 입력하세요. Kinesis에게는 그저 바이트이며, JSON은 애플리케이션의 선택입니다.' },
      },
    },
    routing: {
      title: 'MD5로 해시 키 범위에 라우팅',
      summary: '파티션 키가 샤드를 고르는 방법.',
      intro: 'Kinesis는 파티션 키의 MD5를 계산하고 16바이트 다이제스트를 128비트 정수, 즉 해시 키(0 … 2^128−1)로 읽습니다. 열린 샤드마다 연속된 해시 키 범위를 가지며, 레코드는 해시 키를 범위에 포함하는 샤드로 갑니다. lesson-routing에는 샤드 4개가 있고 각각 4분의 1씩 맡습니다.',
      steps: {
        lastShard: { text: '마지막 샤드 shardId-000000000003에 들어가는 레코드를 넣으세요.', hint: '폼에 shardId-000000000003이 보일 때까지 파티션 키를 바꿔 보거나(대략 네 개 중 하나), 255211775190703847597530955573826158592(3 × 2^126) 이상의 명시적 해시 키를 입력하세요.' },
        everyShard: { text: '모든 샤드에 레코드가 하나 이상 있도록 레코드를 넣으세요.', hint: '키가 다르면 범위 전체에 퍼집니다. 해시 밴드의 표시가 움직이는 것을 보세요.' },
      },
    },
    sequence: {
      title: '시퀀스 번호',
      summary: '샤드 안의 순서, 그리고 레코드 다시 읽기.',
      intro: '레코드는 저장될 때 시퀀스 번호를 받습니다. 샤드 안에서 고유하고 시간이 지날수록 커지므로, 한 샤드(즉 한 파티션 키)의 레코드는 순서를 유지합니다. 시퀀스 번호는 연속되지 않으며, 샤드 간에는 순서가 없습니다.',
      steps: {
        three: { text: 'lesson-sequence에 레코드 세 개를 넣고 PutRecord가 돌려준 시퀀스 번호를 비교하세요.', hint: '응답마다 시퀀스 번호가 나오며, 나중 것이 더 큽니다.' },
        readBack: { text: '데이터 뷰어에서 레코드를 다시 읽으세요.', hint: 'PutRecord 응답 아래 링크나 “Data viewer” 탭에서 Trim horizon, Get records를 누르세요. 실제 GetRecords 호출입니다.' },
      },
    },
    throttling: {
      title: '샤드 한도와 스로틀링',
      summary: '샤드당 초당 1,000 레코드 또는 1 MiB, 그리고 그 이상일 때.',
      intro: '샤드마다 쓰기는 초당 최대 1,000 레코드 또는 1 MiB를 받고, 읽기는 초당 2 MiB와 GetRecords 호출 5회를 제공합니다. 이를 넘는 쓰기는 ProvisionedThroughputExceededException으로 실패하고 프로듀서가 재시도합니다. 여기 프로듀서는 샤드 하나에 초당 1,500 레코드를 씁니다.',
      steps: {
        see: { text: '상단의 재생을 누르고 스로틀링된 쓰기가 나타나는 것을 보세요.', hint: '스트림 페이지의 “Throttled writes” 값이 빨갛게 됩니다.' },
        fix: { text: '가상 시간 10초 동안 스로틀링이 멈출 만큼 샤드를 늘리세요.', hint: '“Resharding & settings” 탭에서 샤드 수를 2로 설정(UpdateShardCount)하고 시계를 계속 돌리세요.' },
      },
    },
    hotKey: {
      title: '핫 키, 그리고 샤드를 늘려도 해결되지 않는 이유',
      summary: '파티션 키 하나는 샤드 하나 이상을 쓸 수 없습니다.',
      intro: '여기서는 초당 1,600 레코드 중 80%가 같은 파티션 키 user-42를 씁니다. 키 하나에 초당 약 1,280 레코드입니다. 키 하나는 해시 키도 하나이므로 항상 한 샤드에 들어가고, 그 샤드의 한도는 샤드 수와 상관없이 초당 1,000 레코드입니다.',
      steps: {
        see: { text: '재생을 누르고 핫 샤드를 찾으세요.', hint: '탭 위의 진단 결과가 핫 샤드와 그 키를 알려 줍니다.' },
        split: { text: '샤드를 늘리세요: 핫 샤드를 분할하거나 샤드 수를 3 이상으로 설정하세요.', hint: '진단 결과에 한 번에 분할하는 버튼이 있고, “Resharding & settings”에 UpdateShardCount가 있습니다.' },
        stillHot: { text: '계속 실행해 리샤딩 후에도 스로틀링이 이어지는 것을 확인하세요.', hint: '해결책은 키에 있습니다. 키를 분산하거나(예: user-42#<n> 접미사) 그 키의 레코드를 집계하세요.' },
      },
    },
    resharding: {
      title: '분할, 병합, 크기 조정',
      summary: 'SplitShard, MergeShards, UpdateShardCount와 샤드 계보.',
      intro: '리샤딩은 샤드를 닫고 새 샤드를 엽니다. 분할은 한 샤드의 범위를 두 자식으로 나누고, 병합은 인접한 두 범위를 하나의 자식으로 합치며, UpdateShardCount는 분할과 병합을 대신 해 줍니다. 닫힌 부모 샤드는 보존 기간이 끝날 때까지 읽을 수 있으므로, 컨슈머는 부모를 먼저 읽고 자식을 읽습니다.',
      steps: {
        split: { text: 'lesson-resharding의 샤드 하나를 분할하세요.', hint: '“Resharding & settings” → Split: 샤드를 골라 범위의 가운데에서 분할하세요.' },
        merge: { text: '인접한 열린 샤드 두 개를 병합하세요.', hint: '분할 후 두 자식 샤드가 인접해 있으니 병합하세요.' },
        update: { text: 'UpdateShardCount로 열린 샤드를 정확히 4개로 맞추세요.', hint: '목표 샤드 수를 4로 설정하고 스트림이 다시 ACTIVE가 될 때까지 기다리세요(재생).' },
      },
    },
    retention: {
      title: '보존 기간과 이터레이터로 재생',
      summary: '레코드가 얼마나 남는지, 그리고 원하는 위치부터 읽기.',
      intro: '레코드는 보존 기간 동안 읽을 수 있습니다. 기본 24시간, 최대 8,760시간(365일)입니다. 리더는 샤드 이터레이터로 시작 위치를 고릅니다: TRIM_HORIZON(가장 오래된 것), LATEST(새 것만), AT/AFTER_SEQUENCE_NUMBER, AT_TIMESTAMP. 그래서 데이터를 다시 재생할 수 있습니다.',
      steps: {
        extend: { text: 'lesson-retention의 보존 기간을 48시간 이상으로 늘리세요.', hint: '“Resharding & settings” → Retention (IncreaseStreamRetentionPeriod).' },
        replay: { text: '가장 오래된 레코드부터 재생하세요: TRIM_HORIZON 이터레이터로 읽으세요.', hint: 'Data viewer 탭: 시작 위치 “Trim horizon”, Get records.' },
      },
    },
  },
};

export default learn;

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
  code: '이 단계의 코드',
  copy: '복사',
  copied: '복사됨',
  lessons: {
    records: {
      title: '레코드, 데이터 블롭, 파티션 키',
      summary: '레코드란 무엇이고 파티션 키는 무슨 일을 하는가.',
      intro: 'Kinesis <dataStream>데이터 스트림</dataStream>은 <record>레코드</record>를 저장합니다. 레코드는 <dataBlob>데이터 블롭</dataBlob>(텍스트, JSON, 이미지 등 임의의 바이트로 기본 최대 1 MiB이며, 스트림의 MaxRecordSizeInKiB를 올리면 최대 10 MiB의 <largeRecords>대용량 레코드</largeRecords>도 받습니다), 직접 정하는 <partitionKey>파티션 키</partitionKey>, Kinesis가 부여하는 <sequenceNumber>시퀀스 번호</sequenceNumber>로 이루어집니다. 스트림 페이지 아래쪽의 “레코드 직접 넣기” 폼을 사용하세요.',
      steps: {
        put: { text: 'lesson-records에 아무 파티션 키와 데이터로 레코드 하나를 넣으세요.', hint: '“레코드 직접 넣기”로 스크롤해 예시 그대로 PutRecord를 누르세요.' },
        sameKey: { text: '앞서 사용한 것과 같은 <partitionKey>파티션 키</partitionKey>로 두 번째 레코드를 넣으세요.', hint: '같은 키의 레코드는 항상 같은 샤드에 순서대로 들어갑니다.' },
        json: { text: '데이터가 JSON 객체인 레코드를 넣으세요.', hint: '데이터 형식으로 “JSON”을 고르고 예: {"user": 42} 를 입력하세요. Kinesis에게는 그저 바이트이며, JSON은 애플리케이션의 선택입니다.' },
      },
    },
    routing: {
      title: 'MD5로 해시 키 범위에 라우팅',
      summary: '파티션 키가 샤드를 고르는 방법.',
      intro: 'Kinesis는 파티션 키의 <md5>MD5</md5>를 계산하고 16바이트 다이제스트를 128비트 정수, 즉 <hashKey>해시 키</hashKey>(0 … 2^128−1)로 읽습니다. 열린 <shard>샤드</shard>마다 연속된 <hashKeyRange>해시 키 범위</hashKeyRange>를 맡으며, 레코드는 해시 키를 범위에 포함하는 샤드로 갑니다. lesson-routing에는 샤드 4개가 있고 각각 4분의 1씩 맡습니다.',
      steps: {
        lastShard: { text: '마지막 샤드 shardId-000000000003에 들어가는 레코드를 넣으세요.', hint: '폼에 shardId-000000000003이 보일 때까지 파티션 키를 바꿔 보거나(대략 네 개 중 하나), 255211775190703847597530955573826158592(3 × 2^126) 이상의 명시적 해시 키를 입력하세요.' },
        everyShard: { text: '모든 샤드에 레코드가 하나 이상 있도록 레코드를 넣으세요.', hint: '키가 다르면 범위 전체에 퍼집니다. 해시 밴드의 표시가 움직이는 것을 보세요.' },
      },
    },
    sequence: {
      title: '시퀀스 번호',
      summary: '샤드 안의 순서, 그리고 레코드 다시 읽기.',
      intro: '레코드는 저장될 때 <sequenceNumber>시퀀스 번호</sequenceNumber>를 받습니다. 샤드 안에서 고유하고 시간이 지날수록 커지므로, 한 샤드(즉 한 파티션 키)의 레코드는 순서를 유지합니다. 시퀀스 번호는 연속되지 않으며, 샤드 간에는 순서가 없습니다.',
      steps: {
        three: { text: 'lesson-sequence에 레코드 세 개를 넣고 PutRecord가 돌려준 시퀀스 번호를 비교하세요.', hint: '응답마다 시퀀스 번호가 나오며, 나중 것이 더 큽니다.' },
        readBack: { text: '데이터 뷰어에서 레코드를 다시 읽으세요.', hint: 'PutRecord 응답 아래 링크나 “데이터 뷰어” 탭에서 TRIM_HORIZON을 고르고 “레코드 가져오기”를 누르세요. 실제 GetRecords 호출입니다.' },
      },
    },
    throttling: {
      title: '샤드 한도와 스로틀링',
      summary: '샤드당 초당 1,000 레코드 또는 1 MiB, 그리고 그 이상일 때.',
      intro: '<shard>샤드</shard>마다 쓰기는 초당 최대 1,000 레코드 또는 1 MiB를 받고, 읽기는 초당 2 MiB와 GetRecords 호출 5회를 제공합니다. 이를 넘는 쓰기는 ProvisionedThroughputExceededException으로 실패하며(<throttling>스로틀링</throttling>) 생산자가 재시도합니다. 레코드 하나는 기본 최대 1 MiB이고, 최대 레코드 크기를 올린 스트림에서는 최대 10 MiB(<largeRecords>대용량 레코드</largeRecords>)까지 되지만 여전히 샤드의 초당 1 MiB 한도에 포함됩니다. 여기 생산자는 샤드 하나에 초당 1,500 레코드를 씁니다.',
      steps: {
        see: { text: '상단의 재생을 누르고 스로틀링된 쓰기가 나타나는 것을 보세요.', hint: '스트림 페이지의 “스로틀링된 쓰기” 값이 빨갛게 됩니다.' },
        fix: { text: '가상 시간 10초 동안 <throttling>스로틀링</throttling>이 멈출 만큼 샤드를 늘리세요.', hint: '“리샤딩 및 설정” 탭에서 샤드 수를 2로 설정(UpdateShardCount)하고 시계를 계속 돌리세요.' },
      },
    },
    hotKey: {
      title: '핫 키, 그리고 샤드를 늘려도 해결되지 않는 이유',
      summary: '파티션 키 하나는 샤드 하나 이상을 쓸 수 없습니다.',
      intro: '여기서는 초당 1,600 레코드 중 80%가 같은 파티션 키 user-42를 씁니다. 키 하나에 초당 약 1,280 레코드, 즉 <hotKey>핫 키</hotKey>입니다. 키 하나는 해시 키도 하나이므로 항상 한 샤드에 들어가고, 그 샤드의 한도는 샤드 수와 상관없이 초당 1,000 레코드입니다.',
      steps: {
        see: { text: '재생을 누르고 핫 키를 찾으세요.', hint: '탭 위의 진단 결과가 핫 키와 그 키가 들어가는 샤드를 알려 줍니다.' },
        split: { text: '샤드를 늘리세요: 샤드 수를 3 이상으로 설정하거나 핫 샤드를 분할하세요.', hint: '“리샤딩 및 설정”에서 샤드 수를 4로 바꾸거나(“샤드 수 변경”) 핫 샤드를 분할하고, 시계를 계속 돌리세요.' },
        stillHot: { text: '계속 실행해 <resharding>리샤딩</resharding> 후에도 <throttling>스로틀링</throttling>이 이어지는 것을 확인하세요.', hint: '해결책은 키에 있습니다. 키를 분산하거나(예: user-42#1 … user-42#8 접미사) 그 키의 레코드를 집계하세요. 세 번째 방법은 다음 레슨에서 봅니다.' },
      },
    },
    autoDistribution: {
      title: 'AUTO 레코드 분산: 핫 키는 퍼지고 순서는 포기',
      summary: '온디맨드 스트림에서 Kinesis가 레코드를 배치하게 하기, 그리고 잃는 것.',
      intro: 'lesson-auto-distribution은 앞과 같은 핫 키를 받는 <provisioned>온디맨드</provisioned> 스트림입니다. 온디맨드 스트림은 <recordDistribution>레코드 분산 전략</recordDistribution>을 USER_PARTITION_KEY(키의 해시가 샤드를 고름)에서 AUTO로 바꿀 수 있고, 그러면 Kinesis가 직접 레코드를 샤드에 고르게 나눕니다. 핫 키의 스로틀링은 사라지지만 한 키의 레코드가 더 이상 한 샤드에 모이지 않으므로 키별 순서를 잃습니다. 소비자에게 그 순서가 필요 없을 때만 쓰세요.',
      steps: {
        see: { text: '재생을 누르고 온디맨드 스트림에서도 핫 키가 스로틀링되는 것을 보세요.', hint: '프로비저닝 스트림처럼 “스로틀링된 쓰기” 값이 빨갛게 됩니다. 샤드마다 여전히 초당 1,000 레코드만 받습니다.' },
        auto: { text: 'SDK 플레이그라운드에서 lesson-auto-distribution에 UpdateStreamRecordDistributionStrategy를 AUTO로 호출하세요.', hint: '아래 코드를 플레이그라운드에 붙여 넣고 실행을 누르세요. 콘솔에는 버튼이 없는 API 호출입니다.' },
        spread: { text: '스트림으로 돌아와 시계를 계속 돌리세요. 10초 동안 <throttling>스로틀링</throttling>이 없고, user-42의 레코드가 여러 샤드에 흩어집니다.', hint: '데이터 뷰어에서 user-42가 둘 이상의 샤드에 보입니다. 샤드를 넘나드는 순서는 사라졌습니다.' },
      },
    },
    resharding: {
      title: '분할, 병합, 크기 조정',
      summary: 'SplitShard, MergeShards, UpdateShardCount와 샤드 계보.',
      intro: '<resharding>리샤딩</resharding>은 샤드를 닫고 새 샤드를 엽니다. 분할은 한 샤드의 범위를 두 자식으로 나누고, 병합은 인접한 두 범위를 하나의 자식으로 합치며, UpdateShardCount는 분할과 병합을 대신 해 줍니다. 닫힌 부모 샤드는 보존 기간이 끝날 때까지 읽을 수 있으므로, 소비자는 부모를 먼저 읽고 자식을 읽습니다.',
      steps: {
        split: { text: 'lesson-resharding의 샤드 하나를 분할하세요.', hint: '“리샤딩 및 설정” → “샤드 분할”: 샤드를 골라 범위의 가운데에서 분할한 뒤 재생을 누르세요. 스트림이 다시 ACTIVE가 되면 자식 샤드가 열립니다.' },
        merge: { text: '인접한 열린 샤드 두 개를 병합하세요.', hint: '분할 후 두 자식 샤드가 인접해 있으니 병합하세요.' },
        update: { text: 'UpdateShardCount로 열린 샤드를 정확히 4개로 맞추세요.', hint: '목표 샤드 수를 4로 설정하고 스트림이 다시 ACTIVE가 될 때까지 기다리세요(재생).' },
      },
    },
    retention: {
      title: '보존 기간과 이터레이터로 재생',
      summary: '레코드가 얼마나 남는지, 그리고 원하는 위치부터 읽기.',
      intro: '레코드는 <retention>보존 기간</retention> 동안 읽을 수 있습니다. 기본 24시간, 최대 8,760시간(365일)입니다. 읽는 쪽은 <shardIterator>샤드 이터레이터</shardIterator>로 시작 위치를 고릅니다: TRIM_HORIZON(가장 오래된 것), LATEST(새 것만), AT/AFTER_SEQUENCE_NUMBER, AT_TIMESTAMP. 그래서 데이터를 다시 재생할 수 있습니다.',
      steps: {
        extend: { text: 'lesson-retention의 보존 기간을 48시간 이상으로 늘리세요.', hint: '“리샤딩 및 설정” → “데이터 보존 기간” → “보존 기간 변경”(IncreaseStreamRetentionPeriod).' },
        replay: { text: '가장 오래된 레코드부터 재생하세요: TRIM_HORIZON 이터레이터로 읽으세요.', hint: '“데이터 뷰어” 탭: 시작 위치 TRIM_HORIZON, “레코드 가져오기”.' },
      },
    },
    consumers: {
      title: '소비자(폴링, 향상된 팬아웃, Lambda)와 지연',
      summary: '스트림을 읽는 세 가지 방법, 그리고 읽는 쪽이 얼마나 뒤처졌는지.',
      intro: '<consumer>소비자</consumer>는 세 가지 방법으로 스트림을 읽습니다. GetRecords 폴링(보통 <kcl>Kinesis Client Library</kcl>를 통해)은 샤드마다 초당 2 MiB와 호출 5회를 다른 모든 폴링 소비자와 나눠 씁니다. <enhancedFanOut>향상된 팬아웃</enhancedFanOut>은 등록된 소비자마다 샤드당 초당 2 MiB를 따로 받아 SubscribeToShard로 레코드를 푸시받습니다. AWS Lambda <lambdaEsm>이벤트 소스 매핑</lambdaEsm>은 대신 폴링해 배치로 함수를 호출합니다. 소비자가 얼마나 뒤처졌는지는 <iteratorAge>이터레이터 수명</iteratorAge>(GetRecords의 MillisBehindLatest)으로 나타납니다. 여기서 polling-app은 초당 500개 레코드마다 6 ms씩, 즉 1초마다 3초 분량의 일을 합니다.',
      steps: {
        lag: { text: '재생을 누르고 polling-app의 이터레이터 수명이 30초를 넘는 것을 보세요.', hint: '소비자 페이지에 이터레이터 수명과 지연이 보이고, 추세는 “뒤처지는 중”입니다.' },
        catchUp: { text: 'polling-app을 충분히 빠르게 만드세요: 레코드당 처리 시간을 0.1 ms로 고치고 이터레이터 수명이 5초 아래로 떨어지는 것을 보세요.', hint: '편집 → “처리: 레코드당”을 0.1로 → “변경 적용”. 레코드가 들어오는 것보다 빨리 처리하면 따라잡습니다.' },
        fanOut: { text: 'lesson-consumers에 향상된 팬아웃 소비자를 추가하세요.', hint: '“소비자 추가” → 유형 “향상된 팬아웃”, 이름은 아무거나 → “소비자 추가”. 샤드당 초당 2 MiB를 따로 받습니다.' },
        lambda: { text: 'Lambda 이벤트 소스 매핑을 추가하고 호출되는 것을 보세요.', hint: '“소비자 추가” → 유형 “Lambda 이벤트 소스 매핑”, 이름은 아무거나 → “소비자 추가”.' },
      },
    },
    firehose: {
      title: 'Amazon Data Firehose의 크기·시간 버퍼링',
      summary: '전송이 왜 기다리는지, 두 힌트 중 무엇이 먼저인지.',
      intro: '<firehose>Amazon Data Firehose</firehose>(이전 이름 Amazon Kinesis Data Firehose)는 lesson-firehose를 읽어 S3에 객체를 씁니다. 레코드를 <buffering>버퍼</buffering>에 모았다가 버퍼가 크기(여기서는 1 MiB)나 간격(여기서는 60초) 중 먼저 도달하는 조건에서 배치를 씁니다. 생산자는 초당 약 10 KB를 보내므로 1 MiB가 차려면 약 105초가 걸립니다.',
      steps: {
        interval: { text: '재생을 누르고 첫 전송을 기다리세요. 60초 간격이 먼저 찹니다.', hint: 'Firehose 페이지의 플러시 타임라인이 배치마다 쓰인 이유를 보여 줍니다.' },
        size: { text: '버퍼 간격을 300초 이상으로 바꾸고, 버퍼가 1 MiB에 도달해 배치가 쓰이는 것을 확인하세요.', hint: 'Firehose 페이지에서 lesson-to-s3의 버퍼 간격을 고쳐 저장하고, 속도를 높여 시계를 계속 돌리세요.' },
      },
    },
    firehoseDelivery: {
      title: 'Firehose: 압축, 변환, 대상, 실패',
      summary: 'Firehose가 전송 도중 레코드에 하는 일, 그리고 대상이 실패하면 일어나는 일.',
      intro: 'lesson-delivery는 자체 생산자가 있는 <directPut>Direct PUT</directPut> <deliveryStream>전송 스트림</deliveryStream>으로, 10초마다 S3에 씁니다. Firehose는 객체마다 <compression>압축</compression>(GZIP, ZIP, Snappy)할 수 있고, 먼저 Lambda <transform>데이터 변환</transform>을 거치게 할 수 있으며, 다른 <destination>대상</destination>(HTTP 엔드포인트, Amazon OpenSearch Service, Amazon Redshift, Splunk, Snowflake, Apache Iceberg 테이블)으로도 전송합니다. 대상이 실패하면 Firehose는 재시도합니다. S3는 최대 24시간 재시도하고, 끝내 전송하지 못한 레코드는 <errorOutput>오류 출력</errorOutput> 접두사로 가며 집계됩니다. 조용히 사라지는 레코드는 없습니다.',
      steps: {
        gzip: { text: '압축을 GZIP으로 바꾸고 .gz 객체가 전송되는 것을 보세요.', hint: 'Firehose 페이지 → 편집 → 압축 “GZIP” → “변경 사항 저장”, 그리고 재생. 아래 객체 브라우저에 .gz 객체와 압축률이 보입니다.' },
        transform: { text: '“레코드 변환”을 켜고 함수가 레코드를 Ok로 돌려주는 것을 보세요.', hint: '편집 → “레코드 변환” 체크 → “변경 사항 저장”. 예시 함수는 “view” 이벤트를 버리고 나머지에 처리 표시를 합니다.' },
        fail: { text: '대상을 실패하게 만드세요: “대상 중단”을 체크하고 전송 시도가 실패하는 것을 보세요.', hint: '편집 → “대상 중단” 체크 → “변경 사항 저장”. “재시도”가 실패한 시도를 세며, 그동안 아무것도 전송되지 않습니다.' },
        recover: { text: '대상을 되살리고 재시도 끝에 배치가 전송되는 것을 보세요.', hint: '편집 → “대상 중단” 체크 해제 → “변경 사항 저장”. 플러시 타임라인에 시도 횟수가 2 이상인 전송된 배치가 보입니다.' },
      },
    },
    streamsVsFirehose: {
      title: 'Kinesis Data Streams와 Amazon Data Firehose 비교',
      summary: '직접 읽는 스트림, 또는 관리할 샤드가 없는 전송 서비스.',
      intro: '<dataStream>데이터 스트림</dataStream>은 보존 기간 동안 레코드를 보관하므로 여러 소비자가 순서대로 읽고 다시 재생할 수 있으며, 샤드는 직접 크기를 정합니다. <firehose>Firehose</firehose>는 전송 서비스입니다. 샤드도 소비자 코드도 없이 버퍼링, 변환, 대상 전송을 하며, 레코드를 다시 읽을 수는 없습니다. 여기서는 lesson-archive가 스트림 lesson-streams-vs-firehose를 읽어 S3에 보관합니다. 흔히 쓰는 조합입니다.',
      steps: {
        read: { text: '스트림을 직접 읽으세요: 데이터 뷰어에서 TRIM_HORIZON부터 레코드를 가져오세요.', hint: '스트림 → lesson-streams-vs-firehose → “데이터 뷰어” → “레코드 가져오기”. 읽어도 레코드는 지워지지 않습니다. 다시 읽어도 그대로 있습니다.' },
        delivered: { text: '재생을 누르고 Firehose가 같은 레코드를 S3에 전송하는 것을 보세요.', hint: 'Firehose → lesson-archive: 10초마다 플러시되며 객체 브라우저에 객체가 보입니다.' },
        directPut: { text: 'Direct PUT 전송 스트림(앞에 데이터 스트림 없음)을 만들고 레코드를 보내세요.', hint: 'Firehose → “새 전송 스트림”, 소스 “Direct PUT” → “전송 스트림 생성”, 그리고 “레코드 10개 보내기”.' },
      },
    },
    sqlWindows: {
      title: '스트리밍 SQL: 윈도와 참조 데이터',
      summary: '스트림을 시간 단위로 집계하고 테이블과 조인하기.',
      intro: '스트리밍 SQL은 스트림 위에서 계속 실행됩니다. <window>텀블링 윈도</window>(GROUP BY STEP(ROWTIME BY INTERVAL …))는 겹치지 않는 고정 구간으로 행을 묶고, 구간이 닫힐 때 그룹마다 한 행을 내보냅니다. 슬라이딩 윈도는 행마다 함께 움직입니다. <referenceData>참조 데이터</referenceData>는 애플리케이션이 스트림과 조인하는 테이블(S3 객체)로, 예를 들어 페이지마다 사이트 섹션을 알려 줍니다. 이것은 예전 Kinesis Data Analytics SQL 방언입니다. Amazon Kinesis Data Analytics for SQL Applications는 지원이 종료되었고, 후속 서비스는 Amazon Managed Service for Apache Flink입니다(다음 레슨).',
      steps: {
        tumbling: { text: 'lesson-sql에 텀블링 윈도 애플리케이션을 시작하고 10초마다 페이지별로 한 행씩 나오는 것을 보세요.', hint: '분석: 재생을 눌러 스트림에서 스키마를 찾게 하세요. 그러면 편집기에 10초 텀블링 윈도마다 페이지별 레코드 수를 세는 시작 쿼리가 들어갑니다. “애플리케이션 시작”을 누르세요.' },
        reference: { text: '스트림을 PAGE_SECTIONS 참조 테이블과 조인하는 “sections” 애플리케이션을 시작하고 섹션별 개수를 보세요.', hint: '편집기 위 애플리케이션 막대에서 “sections”를 고르고 “애플리케이션 시작”을 누르세요. 결과 행의 섹션 이름(home, checkout, browse)은 참조 데이터에만 있습니다.' },
      },
    },
    flinkSql: {
      title: 'Flink SQL',
      summary: 'Amazon Managed Service for Apache Flink의 SQL로 같은 윈도 만들기.',
      intro: '<flink>Amazon Managed Service for Apache Flink</flink>(이전 이름 Amazon Kinesis Data Analytics)는 Flink SQL을 포함한 Apache Flink 애플리케이션을 실행합니다. Kinesis 스트림은 테이블이 되고(CREATE TABLE … WITH (\'connector\' = \'kinesis\')), 시간은 열(PROCTIME() 또는 이벤트 시간 워터마크)이며, 윈도는 테이블 값 함수 TUMBLE, HOP, CUMULATE입니다. 결과는 INSERT INTO로 넣는 테이블입니다.',
      steps: {
        start: { text: '편집기를 Flink SQL로 바꾸고 lesson-flink에서 TUMBLE 예시를 시작하세요.', hint: '분석 → “Flink SQL” → 재생: 스키마를 찾으면 시작 쿼리가 스트림의 열로 만든 TUMBLE 윈도가 됩니다 → “애플리케이션 시작”.' },
        windows: { text: 'window_start, window_end, page, 개수로 된 윈도 행이 10초마다 들어오는 것을 보세요.', hint: '시계를 계속 돌리세요. 각 행은 10초 윈도가 끝날 때 나타납니다.' },
      },
    },
    agent: {
      title: 'Kinesis Agent',
      summary: '생산자 코드 없이 로그 파일을 스트림으로 보내기.',
      intro: '<agent>Kinesis Agent</agent>는 서버에서 도는 Java 프로그램입니다. agent.json에 흐름(flow)을 적는데, 흐름마다 파일 패턴과 대상 스트림 또는 전송 스트림이 있습니다. 에이전트는 파일을 따라 읽으며(tail) 레코드로 나누고(한 줄씩 또는 여러 줄), 줄을 JSON으로 바꿀 수 있으며(LOGTOJSON), PutRecords 호출로 묶어 보내고, 파일마다 <checkpoint>체크포인트</checkpoint>를 남겨 다시 시작해도 멈춘 곳부터 이어 갑니다.',
      steps: {
        add: { text: 'Apache 액세스 로그를 lesson-agent로 보내는 에이전트를 추가하고, 재생을 눌러 레코드가 들어오는 것을 보세요.', hint: 'Kinesis 에이전트 → 로그 생성기 “apache-access”(agent.json이 채워짐) → “에이전트 추가” → 재생.' },
        json: { text: '스트림을 확인하세요: 모든 레코드가 로그 한 줄로 만든 JSON 객체입니다.', hint: '스트림 → lesson-agent → “데이터 뷰어” → “레코드 가져오기”. COMBINEDAPACHELOG 형식의 LOGTOJSON이 한 일입니다.' },
        restart: { text: '에이전트를 다시 시작하고 체크포인트부터 이어 가는 것을 보세요.', hint: 'Kinesis 에이전트 → “에이전트 다시 시작”, 시계를 계속 돌리세요. 파일 처음부터 다시 보내는 일은 없습니다.' },
      },
    },
    video: {
      title: 'Amazon Kinesis Video Streams',
      summary: '프래그먼트 단위의 미디어: 수집, 재생, 이미지 추출.',
      intro: '<videoStreams>Amazon Kinesis Video Streams</videoStreams>는 PutMedia로 미디어를 <fragment>프래그먼트</fragment>(키 프레임으로 시작하는 Matroska 클러스터) 단위로 수집해 보존 기간 동안 저장하고, 라이브·보관 재생(HLS, DASH, GetMedia), 클립(GetClip), 이미지(GetImages)로 돌려줍니다. Data Streams와는 별개의 서비스로, 샤드도 파티션 키도 없습니다.',
      steps: {
        camera: { text: 'lesson-camera에서 시뮬레이션 카메라를 시작하고 재생을 눌러 프래그먼트가 들어오는 것을 보세요.', hint: '비디오 스트림 → lesson-camera → “시뮬레이션 카메라 시작”. 프래그먼트 수가 늘어납니다.' },
        images: { text: '녹화된 구간의 이미지를 보관 데이터에서 가져오세요.', hint: '“이 구간의 이미지 가져오기”를 누르세요. 샘플링 간격마다 이미지 한 장씩 돌려주는 GetImages 호출입니다.' },
      },
    },
    sqs: {
      title: 'Kinesis와 Amazon SQS 비교',
      summary: '모든 소비자가 읽는 스트림, 또는 소비자가 일을 나눠 갖는 대기열.',
      intro: '스트림은 레코드를 보관하고, 모든 소비자가 모든 레코드를 샤드 안의 순서대로 읽으며 보존 기간 안에서 다시 재생할 수 있습니다. <sqs>Amazon SQS</sqs> 대기열은 메시지 하나를 소비자 하나에게 건네고, 소비자는 처리가 끝나면 삭제합니다. 소비자끼리 경쟁하며 일을 나누고, 멈춘 소비자의 메시지는 <visibilityTimeout>표시 제한 시간</visibilityTimeout>이 지나면 다시 나타나며, 삭제된 메시지는 사라집니다. 표준 대기열은 순서를 보장하지 않고, <fifo>FIFO 대기열</fifo>은 메시지 그룹별로 순서를 지킵니다. 여기서는 같은 워크로드를 양쪽에서 실행합니다.',
      steps: {
        fanOut: { text: '재생을 누르고 30초 동안 실행하세요. Kinesis 소비자는 각자 모든 레코드를 읽었고, SQS 소비자들은 메시지를 나눠 가졌습니다.', hint: '“Kinesis와 SQS 비교” 페이지의 “팬아웃” 행. 속도를 높이면 더 빨리 볼 수 있습니다.' },
        replay: { text: '2분이 넘도록 실행하세요. 늦게 시작한 소비자 “replays”는 스트림을 처음부터 읽지만 SQS에서는 아직 대기열에 남은 것만 받습니다.', hint: '“재처리와 보존” 행.' },
        fifo: { text: '“FIFO 대기열”을 체크하고 비교를 다시 실행하세요. 대기열이 메시지 그룹별 순서를 지킵니다.', hint: '“FIFO 대기열” 체크 → “비교 실행”, 10초 동안 실행. “순서” 행이 순서가 어긋난 전달을 세는데, 하나도 없습니다.' },
      },
    },
    capacity: {
      title: '용량과 비용',
      summary: '부하에 샤드가 몇 개 필요하고 한 달에 얼마가 드는가.',
      intro: 'lesson-capacity는 샤드 하나로 400바이트 레코드를 초당 2,500개 받습니다. 용량 계획(Planner)은 부하에 필요한 샤드 수를 계산하고(샤드마다 쓰기 초당 1,000 레코드 또는 1 MiB, 읽기 초당 2 MiB), 여유율, 핫 키, 소비자까지 고려해 월 비용을 매깁니다. <provisioned>프로비저닝</provisioned>(샤드 시간과 PUT 페이로드 단위)과 온디맨드(쓰고 읽은 GB당 요금과 스트림 시간)를 비교합니다.',
      steps: {
        apply: { text: '용량 계획(Planner)을 열어 권장 구성과 월 비용을 읽고 적용하세요.', hint: '용량 계획 → 권장 구성 → 적용. 시나리오가 권장 샤드 수로 다시 시작됩니다.' },
        verify: { text: '스트림에서 실행해 보세요: 가상 시간 10초 동안 <throttling>스로틀링</throttling>이 없습니다.', hint: '스트림 → lesson-capacity → 재생. “스로틀링된 쓰기”가 0에 머뭅니다.' },
      },
    },
  },
};

export default learn;

/** 한국어 용어집. */
import type { Translation } from '../../types';
import type en from '../en/glossary';

const glossary: Translation<typeof en> = {
  title: '용어집',
  subtitle: '레슨과 콘솔에서 쓰는 Amazon Kinesis 용어.',
  terms: {
    dataStream: { term: '데이터 스트림 (Data stream)', def: 'Amazon Kinesis Data Streams에서 샤드로 이루어진, 순서 있고 내구성 있는 레코드 로그. 프로듀서가 쓰고 여러 컨슈머가 각자 읽습니다.' },
    shard: { term: '샤드 (Shard)', def: '데이터 스트림의 용량과 순서의 단위. 해시 키 범위를 맡으며 쓰기는 초당 1 MiB 또는 1,000 레코드, 읽기는 초당 2 MiB를 제공합니다.' },
    record: { term: '레코드 (Record)', def: '스트림 데이터의 한 단위: 데이터 블롭, 파티션 키, 시퀀스 번호.' },
    dataBlob: { term: '데이터 블롭 (Data blob)', def: '레코드의 페이로드. 최대 1 MiB의 임의 바이트이며 Kinesis는 내용을 보지 않습니다.' },
    partitionKey: { term: '파티션 키 (Partition key)', def: '프로듀서가 레코드마다 정하는 문자열(1–256자). MD5 값이 샤드를 결정하므로 같은 키의 레코드는 한 샤드에서 순서를 유지합니다.' },
    hashKey: { term: '해시 키 (Hash key)', def: '파티션 키의 MD5에서 나온 128비트 정수(0 … 2^128−1), 또는 ExplicitHashKey로 직접 준 값. 샤드를 고릅니다.' },
    hashKeyRange: { term: '해시 키 범위', def: '열린 샤드가 맡는 연속된 해시 키 범위. 열린 샤드들이 합쳐서 키 공간 전체를 덮습니다.' },
    md5: { term: 'MD5', def: 'Kinesis가 파티션 키에 적용하는 해시 함수. 16바이트 다이제스트를 부호 없는 정수로 읽은 값이 해시 키입니다.' },
    sequenceNumber: { term: '시퀀스 번호 (Sequence number)', def: 'Kinesis가 저장된 레코드에 주는 식별자. 샤드마다 고유하고 시간에 따라 커지며, 연속되지는 않습니다.' },
    throttling: { term: '스로틀링 (Throttling)', def: '샤드 한도를 넘는 쓰기나 읽기를 ProvisionedThroughputExceededException으로 거부하는 것. 프로듀서는 백오프 후 재시도합니다.' },
    hotKey: { term: '핫 키 / 핫 샤드', def: '트래픽을 과도하게 받는 파티션 키(또는 샤드). 키 하나는 여러 샤드로 퍼질 수 없으므로 샤드를 늘려도 해소되지 않습니다.' },
    resharding: { term: '리샤딩 (Resharding)', def: '스트림의 샤드를 바꾸는 것: SplitShard(하나를 둘로), MergeShards(인접한 둘을 하나로), UpdateShardCount. 부모는 닫히고 자식이 열립니다.' },
    retention: { term: '보존 기간 (Retention period)', def: '레코드를 읽을 수 있는 기간. 기본 24시간, 최대 365일.' },
    shardIterator: { term: '샤드 이터레이터 (Shard iterator)', def: '샤드에서 읽기 시작할 위치(TRIM_HORIZON, LATEST, AT/AFTER_SEQUENCE_NUMBER, AT_TIMESTAMP). GetRecords가 다음 이터레이터를 돌려줍니다.' },
    producer: { term: '프로듀서 (Producer)', def: '레코드를 쓰는 애플리케이션(PutRecord / PutRecords, 또는 배치와 집계를 하는 Kinesis Producer Library, KPL).' },
    consumer: { term: '컨슈머 (Consumer)', def: '레코드를 읽는 애플리케이션: GetRecords 폴링(흔히 Kinesis Client Library, KCL 사용), 향상된 팬아웃, 또는 AWS Lambda 이벤트 소스.' },
    enhancedFanOut: { term: '향상된 팬아웃 (Enhanced fan-out)', def: '샤드의 읽기 한도를 나눠 쓰는 대신 샤드당 초당 2 MiB를 전용으로 받아 SubscribeToShard로 푸시받는 등록된 컨슈머.' },
    iteratorAge: { term: '이터레이터 나이 (지연)', def: '컨슈머가 최신 레코드보다 얼마나 뒤처졌는지(GetRecords.IteratorAgeMilliseconds, MillisBehindLatest).' },
    provisioned: { term: '프로비저닝 / 온디맨드', def: '용량 모드. 프로비저닝은 샤드 수를 직접 정하고 샤드 시간당 요금을 내며, 온디맨드는 샤드를 자동으로 조정하고 GB당 요금을 냅니다.' },
    firehose: { term: 'Amazon Data Firehose', def: '이전 이름 Amazon Kinesis Data Firehose. 스트리밍 데이터를 버퍼링, 변환, 압축해 목적지(S3, HTTP 엔드포인트, 검색, 웨어하우스)로 전달합니다. 관리할 샤드가 없습니다.' },
    buffering: { term: '버퍼링 힌트 (Buffering hints)', def: 'Firehose는 버퍼가 크기(MiB)나 간격(초) 중 먼저 도달하는 조건에서 배치를 씁니다.' },
    flink: { term: 'Amazon Managed Service for Apache Flink', def: '이전 이름 Amazon Kinesis Data Analytics. 스트림 위에서 스트리밍 SQL과 Apache Flink 애플리케이션을 실행합니다.' },
    window: { term: '텀블링 / 슬라이딩 윈도', def: '스트리밍 집계를 위해 시간으로 행을 묶는 방식. 텀블링 윈도는 겹치지 않고, 슬라이딩 윈도는 계속 이동합니다.' },
    videoStreams: { term: 'Amazon Kinesis Video Streams', def: '미디어 스트림을 프래그먼트 단위로 수집, 저장, 재생합니다.' },
    agent: { term: 'Kinesis Agent', def: '로그 파일을 따라 읽으며 줄을 데이터 스트림이나 Firehose로 보내는 프로그램.' },
    sqs: { term: 'Amazon SQS', def: '메시지 큐. 메시지는 한 컨슈머가 받아 삭제하지만, 스트림에서는 모든 컨슈머가 모든 레코드를 읽고 레코드는 보존 기간까지 남습니다.' },
  },
};

export default glossary;

/** SDK 플레이그라운드의 한국어 문자열. */
import type { Translation } from '../../types';
import type en from '../en/playground';

const playground: Translation<typeof en> = {
  title: 'SDK 플레이그라운드',
  subtitle: '실제 AWS SDK v3(@aws-sdk/client-kinesis, @aws-sdk/client-firehose)로 JavaScript를 작성하면, 이 페이지의 시뮬레이션 세계가 응답합니다.',
  code: '코드',
  example: '예제',
  examples: { producer: '재시도하는 생산자 루프', consumer: '분할을 따라가는 폴링 소비자', fanout: '향상된 팬아웃 구독자', firehose: 'Amazon Data Firehose 배치' },
  notes: {
    producer: '샤드가 초당 받을 수 있는 양보다 큰 PutRecords 배치를 보냅니다. 거부된 항목은 ErrorCode ProvisionedThroughputExceededException으로 돌아오고 백오프 후 재시도합니다. 샤드의 초당 한도가 다시 채워지도록 상단의 재생을 누르세요.',
    consumer: 'GetShardIterator와 GetRecords로 NextShardIterator를 따라 읽습니다. SplitShard 후 부모 샤드의 마지막 응답에 ChildShards가 나오며, 루프는 자식 샤드도 읽습니다.',
    fanout: 'RegisterStreamConsumer 후 SubscribeToShard를 호출하면 레코드가 이벤트 스트림으로 전달됩니다. 가상 시간이 흘러야 레코드가 도착하니 재생을 누르세요.',
    firehose: 'S3로 가는 전송 스트림을 만들고 PutRecordBatch를 보냅니다. Firehose 페이지에서 버퍼가 차고 비워지는 것을 볼 수 있습니다.',
  },
  run: '실행',
  stop: '중지',
  status: { idle: '아직 실행 안 함', running: '실행 중…', ok: '완료', failed: '실패', stopped: '중지됨' },
  output: '콘솔 출력',
  empty: 'console.log 출력이 여기에 표시됩니다.',
  effects: '코드가 만든 모든 것은 콘솔과 같은 세계에 있습니다. 확인:',
  streamsLink: '스트림',
};

export default playground;

/** 스트림 페이지의 레코드 직접 넣기 폼 (스트림 페이지와 함께 불러온다). */
import type { Translation } from '../../types';
import type en from '../en/put';

const put: Translation<typeof en> = {
  title: '레코드 직접 넣기',
  note: '이 스트림에 실제 PutRecord를 호출합니다. Kinesis는 파티션 키를 MD5로 해시해 128비트 정수(해시 키)를 만들고, 그 값을 해시 키 범위에 포함하는 열린 샤드에 레코드를 저장합니다.',
  noteAuto: '이 스트림에 실제 PutRecord를 호출합니다. 이 스트림은 AUTO 레코드 분배를 쓰므로, Kinesis가 레코드를 놓을 샤드를 직접 정하고 파티션 키(와 명시적 해시 키)는 위치를 정하는 데 쓰지 않습니다. 같은 키의 레코드도 서로 다른 샤드에 놓일 수 있습니다.',
  termKey: '파티션 키',
  termHash: '해시 키',
  partitionKeyOptional: '파티션 키 (AUTO에서는 선택)',
  autoKeyHint: '입력하면 저장되어 읽을 때 함께 돌아오지만, 샤드를 정하지는 않습니다.',
  autoPlacement: '레코드를 넣을 때 Kinesis가 정합니다: AUTO 분배는 위치를 정할 때 키를 무시합니다',
  fillSize: '데이터 채우기 크기',
  fill: '샘플 텍스트로 채우기',
  filled: '샘플 텍스트 {{size}}: {{sample}}…',
  unfill: '데이터 직접 입력하기',
  sizeOfMax: '{{size}} / 최대 {{max}}',
  tooLarge: '이 레코드는 {{size}}로, 스트림의 최대 레코드 크기 {{max}}(MaxRecordSizeInKiB {{kib}})를 넘어 PutRecord가 거부합니다. 리샤딩 및 설정 탭에서 최대값을 늘리거나(최대 10 MiB) 더 작은 레코드를 보내세요.',
  largeNote: '큰 레코드(1 MiB 초과): 샤드가 초당 1 MiB 한도를 넘어 버스트로 받은 뒤 다시 채우므로, 이후 몇 초 동안 샤드 처리량에 포함됩니다.',
  partitionKey: '파티션 키',
  explicitHashKey: '명시적 해시 키 (선택, 10진수)',
  format: '데이터 형식',
  formats: { text: '텍스트', json: 'JSON', base64: 'Base64' },
  data: '데이터',
  md5: '파티션 키의 MD5',
  hashKey: '해시 키 (128비트, 10진수)',
  hashKeyExplicit: '해시 키 (명시값, 10진수)',
  predicted: '이 값을 범위에 포함하는 샤드',
  size: '레코드 크기',
  put: 'PutRecord 호출',
  result: '{{shard}}에 저장됨, 시퀀스 번호',
  open: '데이터 뷰어에서 이 레코드 열기',
  badKey: '명시적 해시 키는 0부터 2^128−1(340282366920938463463374607431768211455)까지의 10진 정수여야 합니다.',
  badJson: '데이터가 올바른 JSON이 아닙니다: {{detail}}',
  badBase64: '데이터가 올바른 base64가 아닙니다(영문자, 숫자, +, /, = 패딩): “{{detail}}”',
  needKey: '파티션 키가 필요합니다(1~256자).',
  band: '이 해시 키가 키 공간의 어디에 있는지',
};

export default put;

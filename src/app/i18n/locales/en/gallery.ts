/** English titles and lessons of the example scenarios in the gallery (src/app/scenarios/gallery.ts), by id. */
const gallery = {
  'clickstream-hot-key': { title: 'Clickstream with a hot key', lesson: 'One key over 1,000 records/s throttles at any shard count.' },
  'iot-fleet': { title: 'IoT fleet telemetry', lesson: 'Small records: the records/s limit binds before bytes.' },
  'log-shipping': { title: 'Log shipping to the object store', lesson: 'Bytes bind; random keys spread load evenly.' },
  'fraud-detection': { title: 'Fraud detection on payments', lesson: 'Enhanced fan-out next to a polling consumer; long retention.' },
  'under-provisioned-consumers': { title: 'Under-provisioned consumers', lesson: 'Writes fit, reads do not: iterator age grows.' },
  'security-cameras': { title: 'Security cameras (Video Streams)', lesson: 'One fragment per key frame; retention decides what you can replay.' },
} as const;

export default gallery;
